using ProofCheck.Execution;

namespace ProofCheck.Smt.Solvers;

/// <summary>
/// Starts a sandboxed process from a thread that stays alive as long as the process should.
/// bubblewrap's --die-with-parent uses the kernel's parent-death signal, which fires when the <em>thread</em>
/// that started the process exits, not the whole parent process; a pool thread that retires would silently
/// kill a long-lived solver. A dedicated, parked thread per session avoids that.
/// </summary>
internal sealed class ProcessAnchor : IDisposable
{
    private readonly ManualResetEventSlim _release = new();

    private ProcessAnchor(InteractiveProcess process) => Process = process;

    public InteractiveProcess Process { get; }

    public static Task<ProcessAnchor> StartAsync(ProcessCommand command)
    {
        var started = new TaskCompletionSource<ProcessAnchor>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            ProcessAnchor anchor;
            try
            {
                anchor = new ProcessAnchor(InteractiveProcess.Start(command));
            }
            catch (Exception e)
            {
                started.SetException(e);
                return;
            }

            started.SetResult(anchor);
            anchor._release.Wait();
        })
        {
            IsBackground = true,
            Name = "solver anchor",
        };
        thread.Start();
        return started.Task;
    }

    /// <summary>Lets the thread end; call only after the process is gone.</summary>
    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
    }
}
