using ProofCheck.Execution;

namespace ProofCheck.LeanBridge.Repl;

/// <summary>
/// Warm REPL processes keyed by import header: the shared <see cref="ProcessPool{TKey, TSession}"/> (a check reuses
/// an idle process that already imported its header, else starts one, evicting the least recently used idle one when
/// full). A process that timed out, died or broke the protocol is never returned to the pool.
/// </summary>
/// <param name="command">How to start one REPL, given the fresh work folder the session owns (and deletes when it ends).</param>
public sealed class ReplPool(Func<string, ProcessCommand> command, int capacity = 2) : IAsyncDisposable
{
    private readonly ProcessPool<string, ReplSession> pool = new(capacity);

    public int Capacity => pool.Capacity;

    /// <summary>How many processes were started (headers paid for) since the pool was made: a measure of reuse.</summary>
    public int Started => pool.Started;

    public int IdleCount => pool.IdleCount;

    /// <summary>Runs <paramref name="use"/> with a session for <paramref name="header"/>; the session is kept only if it stayed healthy.</summary>
    public async Task<T> UseAsync<T>(string header, TimeSpan timeout, Func<ReplSession, Task<T>> use, CancellationToken cancellationToken)
    {
        await using var lease = await pool.RentAsync(
            header,
            ct => ReplSession.StartAsync(command, header, timeout, ct),
            cancellationToken).ConfigureAwait(false);
        return await use(lease.Session).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => pool.DisposeAsync();
}
