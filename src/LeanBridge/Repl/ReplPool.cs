using ProofCheck.Execution;

namespace ProofCheck.LeanBridge.Repl;

/// <summary>
/// A pool of warm REPL processes keyed by import header (the Kimina approach): a check reuses an idle process that
/// already imported its header, else starts one; when the pool is full the least recently used idle process is
/// evicted. A process that timed out, died or broke the protocol is never returned to the pool.
/// </summary>
public sealed class ReplPool(Func<ProcessCommand> command, int capacity = 2) : IAsyncDisposable
{
    private readonly List<ReplSession> idle = [];
    private readonly SemaphoreSlim slots = new(capacity, capacity);
    private readonly Lock gate = new();
    private int started;

    public int Capacity { get; } = capacity;

    /// <summary>How many processes were started (headers paid for) since the pool was made: a measure of reuse.</summary>
    public int Started => Volatile.Read(ref started);

    public int IdleCount
    {
        get
        {
            lock (gate)
            {
                return idle.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="use"/> with a session for <paramref name="header"/>; the session is kept only if it stayed healthy.</summary>
    public async Task<T> UseAsync<T>(string header, TimeSpan timeout, Func<ReplSession, Task<T>> use, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        ReplSession? session = null;
        try
        {
            session = await AcquireAsync(header, timeout, cancellationToken).ConfigureAwait(false);
            var result = await use(session).ConfigureAwait(false);
            if (session.IsAlive)
            {
                lock (gate)
                {
                    session.LastUsed = DateTimeOffset.UtcNow;
                    idle.Add(session);
                }

                session = null;
            }

            return result;
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }

            slots.Release();
        }
    }

    private async Task<ReplSession> AcquireAsync(string header, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ReplSession? evicted = null;
        lock (gate)
        {
            idle.RemoveAll(s => !s.IsAlive);
            var match = idle.Where(s => s.Header == header).MaxBy(s => s.LastUsed);
            if (match is not null)
            {
                idle.Remove(match);
                return match;
            }

            // Checks in flight (this one included) each hold a slot; keep live processes within the capacity.
            var busy = Capacity - slots.CurrentCount;
            if (idle.Count > 0 && idle.Count + busy > Capacity)
            {
                evicted = idle.MinBy(s => s.LastUsed);
            }

            if (evicted is not null)
            {
                idle.Remove(evicted);
            }
        }

        if (evicted is not null)
        {
            await evicted.DisposeAsync().ConfigureAwait(false);
        }

        Interlocked.Increment(ref started);
        return await ReplSession.StartAsync(command(), header, timeout, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        List<ReplSession> all;
        lock (gate)
        {
            all = [.. idle];
            idle.Clear();
        }

        foreach (var s in all)
        {
            await s.DisposeAsync().ConfigureAwait(false);
        }

        slots.Dispose();
    }
}
