using ProofCheck.Cli.Problems;
using ProofCheck.Core;

namespace ProofCheck.Cli.Runs;

/// <summary>
/// The checkers a run uses, by target: one of each target's default checker (<see cref="Pipeline.Targets.CheckTargets.All"/>),
/// the same list <c>problems validate</c> uses.
/// </summary>
internal sealed class RunCheckers : IAsyncDisposable
{
    private RunCheckers(IReadOnlyDictionary<string, IProofChecker> byTarget)
    {
        ByTarget = byTarget;
    }

    public IReadOnlyDictionary<string, IProofChecker> ByTarget { get; }

    public static RunCheckers Create()
    {
        var byTarget = new Dictionary<string, IProofChecker>(StringComparer.Ordinal);
        foreach (var checker in ValidationCheckers.Available())
        {
            byTarget.TryAdd(checker.Target, checker);
        }

        return new RunCheckers(byTarget);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var checker in ByTarget.Values)
        {
            if (checker is IAsyncDisposable d)
            {
                await d.DisposeAsync().ConfigureAwait(false);
            }
            else if (checker is IDisposable s)
            {
                s.Dispose();
            }
        }
    }
}
