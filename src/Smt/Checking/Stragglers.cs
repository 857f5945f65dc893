using System.Collections.Concurrent;

namespace ProofCheck.Smt.Checking;

/// <summary>
/// The losers of portfolio races that are still deciding their obligation when the race is settled. A loser that was
/// killed at once could never be reused (its obligation's scope was still open), so every settled race cost a new
/// solver process: 50 to 130 ms for z3 4.8.12 on the 2-core development VM, against the one or two milliseconds the
/// loser of a small step still needs. So a loser gets <see cref="Grace"/> to finish: one that does closes its scope
/// and goes back to its pool like any other; one that does not is cancelled, and so killed, as before. Its outcome is
/// never read: the race's result was settled without it, so nothing in a report depends on how far it got.
/// Closing the checker cancels every straggler at once and waits until each has handed its process back.
/// </summary>
internal sealed class Stragglers : IAsyncDisposable
{
    /// <summary>
    /// Below the cost of starting a new solver process (so waiting can only save time when the loser is nearly done),
    /// and short enough that a loser stuck on a hard step holds a pool slot and a core only briefly.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource _closing = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>
    /// Lets <paramref name="loser"/> run on for <see cref="Grace"/>, then cancels <paramref name="race"/> (which kills
    /// the loser's process if it is still working); takes over disposing <paramref name="race"/>.
    /// </summary>
    public void Add(Task loser, CancellationTokenSource race)
    {
        race.CancelAfter(Grace);
        var closing = _closing.Token.Register(race.Cancel);
        var finished = loser.ContinueWith(
            t =>
            {
                // Observed and dropped: the race no longer waits for this outcome, nor for its failure.
                _ = t.Exception;
                closing.Dispose();
                race.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        _running.TryAdd(finished, 0);
        _ = finished.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Keys).ConfigureAwait(false);
    }
}
