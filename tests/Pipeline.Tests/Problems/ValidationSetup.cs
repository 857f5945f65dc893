using ProofCheck.Core;

namespace ProofCheck.Pipeline.Tests.Problems;

/// <summary>The real checkers the validation tests run with (the same ones <c>proofcheck problems validate</c> uses).</summary>
internal static class ValidationSetup
{
    public static IReadOnlyList<IProofChecker> Checkers => [];
}
