using ProofCheck.Cli.Problems;
using ProofCheck.Core;
using ProofCheck.Smt;

namespace ProofCheck.Cli.Runs;

/// <summary>
/// The checkers a run uses, by target: the ones this build registers for validation (one list for the whole
/// product), plus the SMT checker when that list does not carry it yet.
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

        if (!byTarget.ContainsKey("smt"))
        {
            byTarget["smt"] = new SmtChecker();
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
