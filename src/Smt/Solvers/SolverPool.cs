using System.Collections.Concurrent;
using ProofCheck.Core;
using ProofCheck.Execution;

namespace ProofCheck.Smt.Solvers;

/// <summary>
/// Long-lived solver processes of one kind, at most <see cref="Size"/> busy at once (bounded by a semaphore).
/// A session goes back to the pool only if it is still usable; a dead, hung or retired one is disposed and a
/// fresh process takes its place on the next lease.
/// </summary>
internal sealed class SolverPool : IAsyncDisposable
{
    private readonly ConcurrentBag<SolverSession> _idle = [];
    private readonly SemaphoreSlim _slots;
    private int _started;
    private int _disposed;

    public SolverPool(SolverProfile profile, int size, TimeSpan queryLimit, bool sandboxed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Profile = profile;
        Size = size;
        QueryLimit = queryLimit;
        Sandboxed = sandboxed;
        _slots = new SemaphoreSlim(size, size);
    }

    public SolverProfile Profile { get; }

    public int Size { get; }

    /// <summary>The solver's own limit for each check-sat.</summary>
    public TimeSpan QueryLimit { get; }

    public bool Sandboxed { get; }

    /// <summary>How many solver processes this pool has started (replacements included).</summary>
    public int ProcessesStarted => Volatile.Read(ref _started);

    /// <summary>Fails with install advice when the solver or the sandbox cannot run here.</summary>
    public void EnsureAvailable()
    {
        if (ExecutableResolver.Resolve(Profile.Program) is null)
        {
            throw new CheckerUnavailableException(Profile.Name, $"{Profile.Name} is not installed (not found on PATH).", Profile.InstallAdvice);
        }

        if (Sandboxed)
        {
            Sandbox.EnsureAvailable(Profile.Name);
        }
    }

    /// <summary>Waits for a free slot and hands out a session (an idle one, or a newly started process).</summary>
    public async Task<Lease> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (_idle.TryTake(out var idle))
            {
                if (idle.IsUsable)
                {
                    return new Lease(this, idle);
                }

                await idle.DisposeAsync().ConfigureAwait(false);
            }

            Interlocked.Increment(ref _started);
            var session = await SolverSession.StartAsync(Profile, QueryLimit, Sandboxed, cancellationToken).ConfigureAwait(false);
            return new Lease(this, session);
        }
        catch (ProcessStartException e)
        {
            _slots.Release();
            throw new CheckerUnavailableException(Profile.Name, e.Message, Profile.InstallAdvice);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var closing = new List<Task>();
        while (_idle.TryTake(out var session))
        {
            closing.Add(session.DisposeAsync().AsTask());
        }

        await Task.WhenAll(closing).ConfigureAwait(false);
        _slots.Dispose();
    }

    private async ValueTask ReturnAsync(SolverSession session)
    {
        try
        {
            if (session.IsUsable && Volatile.Read(ref _disposed) == 0)
            {
                _idle.Add(session);
            }
            else
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                _slots.Release();
            }
        }
    }

    /// <summary>One session on loan; disposing it gives it back (or disposes it when it is no longer usable).</summary>
    internal sealed class Lease(SolverPool pool, SolverSession session) : IAsyncDisposable
    {
        public SolverSession Session { get; } = session;

        public ValueTask DisposeAsync() => pool.ReturnAsync(Session);
    }
}
