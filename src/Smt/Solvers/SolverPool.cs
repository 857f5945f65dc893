using ProofCheck.Core;
using ProofCheck.Execution;

namespace ProofCheck.Smt.Solvers;

/// <summary>
/// Long-lived solver processes of one kind, at most <see cref="Size"/> busy at once: the shared
/// <see cref="ProcessPool{TKey, TSession}"/> keyed by the solver, with a dead, hung or retired session disposed
/// and a fresh process started in its place on the next lease.
/// </summary>
internal sealed class SolverPool : IAsyncDisposable
{
    private readonly ProcessPool<SolverProfile, SolverSession> _pool;

    private readonly Func<string, string, string>? _modelReplyFilter;

    public SolverPool(SolverProfile profile, int size, TimeSpan queryLimit, bool sandboxed, Func<string, string, string>? modelReplyFilter = null)
    {
        _modelReplyFilter = modelReplyFilter;
        Profile = profile;
        Size = size;
        QueryLimit = queryLimit;
        Sandboxed = sandboxed;
        _pool = new ProcessPool<SolverProfile, SolverSession>(size);
    }

    public SolverProfile Profile { get; }

    public int Size { get; }

    /// <summary>The solver's own limit for each check-sat.</summary>
    public TimeSpan QueryLimit { get; }

    public bool Sandboxed { get; }

    /// <summary>How many solver processes this pool has started (replacements included).</summary>
    public int ProcessesStarted => _pool.Started;

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
    public async Task<ProcessPool<SolverProfile, SolverSession>.Lease> RentAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _pool.RentAsync(Profile, StartAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (ProcessStartException e)
        {
            throw new CheckerUnavailableException(Profile.Name, e.Message, Profile.InstallAdvice);
        }
    }

    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    private Task<SolverSession> StartAsync(CancellationToken cancellationToken) =>
        SolverSession.StartAsync(Profile, QueryLimit, Sandboxed, cancellationToken, _modelReplyFilter);
}
