namespace ProofCheck.Server;

/// <summary>
/// The bounded queue in front of the checkers: at most <c>workers</c> grades run at once and at most
/// <c>capacity</c> more wait. A request that does not fit is refused at once (503) rather than left to wait
/// without bound, and is told how long to wait before trying again.
/// </summary>
internal sealed class Admission(int workers, int capacity) : IDisposable
{
    private readonly SemaphoreSlim _running = new(workers, workers);
    private readonly Lock _lock = new();
    private int _admitted;
    private double _averageSeconds = 2;

    public int Workers => workers;

    public int Capacity => capacity;

    /// <summary>Grades admitted and not finished (running and waiting).</summary>
    public int Admitted => Volatile.Read(ref _admitted);

    /// <summary>Reserves <paramref name="count"/> places (a batch takes one per grade); false when the queue is full.</summary>
    public bool TryAdmit(int count)
    {
        lock (_lock)
        {
            if (_admitted + count > workers + capacity)
            {
                return false;
            }

            _admitted += count;
            return true;
        }
    }

    /// <summary>Runs one admitted grade when a worker is free; its place is given back when it ends, however it ends.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> grade, CancellationToken cancellationToken)
    {
        try
        {
            await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
            var started = DateTime.UtcNow;
            try
            {
                return await grade().ConfigureAwait(false);
            }
            finally
            {
                _running.Release();
                var seconds = (DateTime.UtcNow - started).TotalSeconds;
                lock (_lock)
                {
                    _averageSeconds = (0.8 * _averageSeconds) + (0.2 * seconds);
                }
            }
        }
        finally
        {
            Release(1);
        }
    }

    /// <summary>Gives back places reserved by <see cref="TryAdmit"/> that will not run (a batch refused after admission).</summary>
    public void Release(int count)
    {
        lock (_lock)
        {
            _admitted -= count;
        }
    }

    public void Dispose() => _running.Dispose();

    /// <summary>Seconds until a place is likely free: the queue's length times the recent time per grade, over the workers.</summary>
    public int RetryAfterSeconds()
    {
        lock (_lock)
        {
            var waiting = Math.Max(1, _admitted - workers + 1);
            return (int)Math.Clamp(Math.Ceiling(waiting * _averageSeconds / workers), 1, 600);
        }
    }
}
