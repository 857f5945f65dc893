using ProofCheck.Core;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Cli.Problems;

/// <summary>
/// The checkers and parsers <c>problems validate</c> uses (and <c>run</c>, through RunCheckers): a new checker is one
/// more entry here. A tool a checker needs but this machine lacks is the checker's CheckerUnavailable verdict, which
/// validation reports as "could not run", never skipped.
/// </summary>
internal static class ValidationCheckers
{
    public static IReadOnlyList<IProofChecker> Available() => [.. CheckTargets.All.Select(t => t.CreateChecker())];

    /// <summary>The Lean grammar's main-theorem finder, used to check that a statement.lean names its main theorem.</summary>
    public static Func<string, string>? LeanMainTheorem() => LeanBridge.Syntax.LeanSyntax.MainTheoremName;
}
