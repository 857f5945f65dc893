using ProofCheck.Core;

namespace ProofCheck.Cli.Problems;

/// <summary>
/// The checkers and parsers <c>problems validate</c> uses: each area of the product adds one line here when its
/// checker exists, and a target without a checker is reported as "could not run" rather than skipped.
/// </summary>
internal static class ValidationCheckers
{
    public static IReadOnlyList<IProofChecker> Available() => [new LeanBridge.LeanProofChecker(), new Coq.CoqChecker(), new Smt.SmtChecker()];

    /// <summary>The Lean grammar's main-theorem finder, when this build has one.</summary>
    public static Func<string, string>? LeanMainTheorem() => LeanBridge.Syntax.LeanSyntax.MainTheoremName;
}
