using ProofCheck.LeanBridge.Fidelity;
using ProofCheck.LeanBridge.Syntax;

namespace ProofCheck.LeanBridge.Tests;

public sealed class FidelitySpecs
{
    [Fact]
    public void The_same_statement_with_other_comments_and_spacing_passes_gate_a()
    {
        var candidate = LeanSyntax.Parse("theorem imo_1959_p1 (n : ℕ)\n    (h₀ : 0 < n) : -- the key claim\n  Nat.gcd (21*n + 4) (14*n+3) = 1 := by\n  omega");

        var match = StatementGate.Compare(LeanSyntax.Parse(Problems.Imo), candidate);

        Assert.True(match.Matches, match.Problem);
    }

    [Fact]
    public void A_changed_constant_fails_gate_a_and_says_where()
    {
        var candidate = LeanSyntax.Parse("\n\ntheorem imo_1959_p1 (n : ℕ) (h₀ : 0 < n) : Nat.gcd (21 * n + 4) (14 * n + 2) = 1 := by\n  omega");

        var match = StatementGate.Compare(LeanSyntax.Parse(Problems.Imo), candidate);

        Assert.False(match.Matches);
        Assert.Contains("'2'", match.Problem, StringComparison.Ordinal);
        Assert.Equal(3, match.Where!.Line);
    }

    [Fact]
    public void Escaped_and_plain_names_are_the_same_name()
    {
        var candidate = LeanSyntax.Parse("theorem «sqrt2_irrational» : Irrational (Real.sqrt 2) := irrational_sqrt_two");

        Assert.True(StatementGate.Compare(LeanSyntax.Parse(Problems.Sqrt2), candidate).Matches);
    }

    [Fact]
    public void The_canonical_module_defines_the_statement_as_a_proposition_with_its_binders()
    {
        var text = CleanContextModules.CanonicalText(Problems.Imo);

        Assert.StartsWith("import Mathlib\n", text, StringComparison.Ordinal);
        Assert.Contains("namespace Canonical", text, StringComparison.Ordinal);
        Assert.Contains("def canonicalStatement : Prop :=\n  ∀ (n : ℕ) (h₀ : 0 < n), Nat.gcd (21 * n + 4) (14 * n + 3) = 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sorry", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_canonical_module_keeps_the_statements_definitions_and_exact_spelling()
    {
        const string collatz = "import Mathlib\n\n/-- One step. -/\ndef collatz (n : ℕ) : ℕ := if n % 2 = 0 then n / 2 else 3 * n + 1\n\n/-- Doc. -/\ntheorem collatz_steps : collatz^[111] 27 = 1 := by sorry\n";

        var text = CleanContextModules.CanonicalText(collatz);

        Assert.Contains("def collatz (n : ℕ)", text, StringComparison.Ordinal);
        Assert.Contains("collatz^[111] 27 = 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_module_states_the_candidate_against_the_canonical_proposition_then_prints_axioms()
    {
        var modules = CleanContextModules.Build(Problems.Sqrt2, "theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two", "sqrt2_irrational");

        var lines = modules.Check.Split('\n');
        Assert.Equal("import Canonical", lines[0]);
        Assert.Equal("import Candidate", lines[1]);
        Assert.Equal("theorem Candidate.main : Canonical.canonicalStatement := @sqrt2_irrational", lines[CleanContextModules.ComparisonLine - 1]);
        Assert.Equal("#print axioms Candidate.main", lines[CleanContextModules.AxiomsLine - 1]);
        Assert.StartsWith("import Mathlib\n", modules.Candidate, StringComparison.Ordinal);
        Assert.Equal(1, modules.CandidateLineOffset);
    }
}
