using ProofCheck.Core;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>Canonical statements and requests the tests share.</summary>
internal static class Problems
{
    public const string Sqrt2 = """
        import Mathlib

        /-- The square root of two is irrational. -/
        theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by sorry
        """;

    public const string Imo = """
        import Mathlib

        /-- IMO 1959 P1. -/
        theorem imo_1959_p1 (n : ℕ) (h₀ : 0 < n) : Nat.gcd (21 * n + 4) (14 * n + 3) = 1 := by sorry
        """;

    public const string GoodSqrt2 = """
        Here is the proof.

        ```lean
        import Mathlib

        theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by
          simpa using irrational_sqrt_two
        ```
        """;

    public static CheckRequest Request(string submission, string? statement = Sqrt2) =>
        new(submission) { CanonicalStatement = statement, Sandboxed = false };
}
