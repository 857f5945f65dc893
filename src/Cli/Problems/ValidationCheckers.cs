using ProofCheck.Core;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Cli.Problems;

/// <summary>
/// The checkers and parsers <c>problems validate</c> (and a run) use: one default checker per registered target
/// (<see cref="CheckTargets.All"/>); a checker whose tool is missing here reports "could not run" rather than being skipped.
/// </summary>
internal static class ValidationCheckers
{
    public static IReadOnlyList<IProofChecker> Available() => [.. CheckTargets.All.Select(t => t.CreateChecker())];

    /// <summary>The Lean grammar's main-theorem finder, when this build has one.</summary>
    public static Func<string, string>? LeanMainTheorem() => LeanBridge.Syntax.LeanSyntax.MainTheoremName;
}
