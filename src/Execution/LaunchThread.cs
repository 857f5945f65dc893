using System.Collections.Concurrent;

namespace ProofCheck.Execution;

/// <summary>
/// The one thread every process is started from. bubblewrap's <c>--die-with-parent</c> rests on the kernel's
/// parent-death signal, which fires when the <em>thread</em> that forked the child exits, not when the whole
/// parent process does: a sandboxed solver or REPL started from a thread-pool thread is killed silently the
/// moment the pool retires that thread. Forking from one long-lived thread ties every sandbox to the life of
/// this program instead, and does it for every caller (coqc, lean, the REPL, z3, cvc5) without each having to know.
/// </summary>
internal static class LaunchThread
{
    private static readonly BlockingCollection<Action> Queue = [];
    private static readonly Thread Thread = StartThread();

    /// <summary>Runs <paramref name="start"/> (which forks) on the launch thread and returns its result or rethrows its exception.</summary>
    public static T Run<T>(Func<T> start)
    {
        if (Environment.CurrentManagedThreadId == Thread.ManagedThreadId)
        {
            return start();
        }

        // Forking takes a millisecond or two; blocking the caller that long is cheaper than an async hop.
        using var done = new ManualResetEventSlim();
        T result = default!;
        Exception? failure = null;
        Queue.Add(() =>
        {
            try
            {
                result = start();
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                done.Set();
            }
        });
        done.Wait();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return result;
    }

    private static Thread StartThread()
    {
        var thread = new Thread(() =>
        {
            foreach (var work in Queue.GetConsumingEnumerable())
            {
                work();
            }
        })
        {
            IsBackground = true,
            Name = "process launcher",
        };
        thread.Start();
        return thread;
    }
}
