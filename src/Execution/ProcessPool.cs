namespace ProofCheck.Execution;

/// <summary>A long-lived process a <see cref="ProcessPool{TKey, TSession}"/> can hand out again and again.</summary>
public interface IPooledSession : IAsyncDisposable
{
    /// <summary>False once the process died, hung or broke its protocol: the pool then disposes it instead of reusing it.</summary>
    bool IsUsable { get; }
}

/// <summary>
/// The one pool of warm processes (SMT solvers, Lean REPLs), keyed by what a process has already paid for: a solver
/// kind, a REPL's import header (the Kimina approach). At most <see cref="Capacity"/> sessions are leased at once. A
/// rent reuses the most recently used idle session of its key, else starts one, first evicting the least recently used
/// idle session when live processes would exceed the capacity. Only a usable session goes back to the pool. Disposing
/// the pool closes the idle sessions at once and every leased one when its lease ends.
/// </summary>
public sealed class ProcessPool<TKey, TSession> : IAsyncDisposable
    where TKey : notnull
    where TSession : class, IPooledSession
{
    private readonly List<Idle> _idle = [];
    private readonly Lock _gate = new();

    // Neither is disposed: a SemaphoreSlim or CancellationTokenSource without a wait handle or timer holds nothing
    // to free, and disposing them while leases are out (as the two pools before this one did) made every later
    // return throw ObjectDisposedException.
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _disposing = new();
    private long _clock;
    private int _started;
    private bool _disposed;

    /// <param name="capacity">How many sessions may be leased (and, idle ones included, kept alive) at once.</param>
    public ProcessPool(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    public int Capacity { get; }

    /// <summary>How many sessions the pool has started (replacements included): a measure of reuse.</summary>
    public int Started => Volatile.Read(ref _started);

    public int IdleCount
    {
        get
        {
            lock (_gate)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>
    /// Waits for a free slot and hands out a session for <paramref name="key"/>, started by <paramref name="start"/>
    /// when no idle one fits (its exceptions reach the caller unchanged). Dispose the lease to give the session back.
    /// </summary>
    public async Task<Lease> RentAsync(TKey key, Func<CancellationToken, Task<TSession>> start, CancellationToken cancellationToken)
    {
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token))
        {
            try
            {
                await _slots.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ObjectDisposedException(GetType().Name);
            }
        }

        try
        {
            return new Lease(this, key, await AcquireAsync(key, start, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<Idle> closing;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            closing = [.. _idle];
            _idle.Clear();
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(closing.Select(i => i.Session.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    private async Task<TSession> AcquireAsync(TKey key, Func<CancellationToken, Task<TSession>> start, CancellationToken cancellationToken)
    {
        var closing = new List<TSession>();
        TSession? match;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            closing.AddRange(_idle.Where(i => !i.Session.IsUsable).Select(i => i.Session));
            _idle.RemoveAll(i => !i.Session.IsUsable);
            var found = _idle.Where(i => EqualityComparer<TKey>.Default.Equals(i.Key, key)).MaxBy(i => i.LastUsed);
            match = found?.Session;
            if (found is not null)
            {
                _idle.Remove(found);
            }
            else if (_idle.Count > 0 && _idle.Count + (Capacity - _slots.CurrentCount) > Capacity)
            {
                // Leases in flight (this one included) each hold a slot; keep live processes within the capacity.
                var evicted = _idle.MinBy(i => i.LastUsed)!;
                _idle.Remove(evicted);
                closing.Add(evicted.Session);
            }
        }

        foreach (var session in closing)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        if (match is not null)
        {
            return match;
        }

        Interlocked.Increment(ref _started);
        return await start(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask ReturnAsync(TKey key, TSession session)
    {
        try
        {
            var kept = false;
            lock (_gate)
            {
                if (!_disposed && session.IsUsable)
                {
                    _idle.Add(new Idle(key, session, ++_clock));
                    kept = true;
                }
            }

            if (!kept)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private sealed record Idle(TKey Key, TSession Session, long LastUsed);

    /// <summary>One session on loan; disposing the lease gives it back (or disposes it when it is no longer usable).</summary>
    public sealed class Lease : IAsyncDisposable
    {
        private readonly ProcessPool<TKey, TSession> _pool;
        private readonly TKey _key;
        private int _returned;

        internal Lease(ProcessPool<TKey, TSession> pool, TKey key, TSession session)
        {
            _pool = pool;
            _key = key;
            Session = session;
        }

        public TSession Session { get; }

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _returned, 1) == 0 ? _pool.ReturnAsync(_key, Session) : ValueTask.CompletedTask;
    }
}
