using ProofCheck.Core;
using ProofCheck.TestSupport;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>Against the real Lean when it is on PATH (a core-only statement, so no Mathlib is needed); skipped with the reason otherwise.</summary>
public sealed class RealLeanSpecs
{
    private const string Statement = "theorem add_comm' (a b : Nat) : a + b = b + a := by sorry\n";

    private static CheckRequest Request(string proof) => new(proof) { CanonicalStatement = Statement, AllowedImports = ["Init"], Sandboxed = false };

    [RequiresToolFact("lean")]
    public async Task Real_Lean_verifies_a_correct_proof()
    {
        await using var checker = new LeanProofChecker();

        var report = await checker.CheckAsync(Request("theorem add_comm' (a b : Nat) : a + b = b + a := Nat.add_comm a b"));

        Assert.Equal(Verdict.Verified, report.Verdict);
    }

    [RequiresToolFact("lean")]
    public async Task Real_Lean_fails_a_wrong_proof_with_a_goal()
    {
        await using var checker = new LeanProofChecker();

        var report = await checker.CheckAsync(Request("theorem add_comm' (a b : Nat) : a + b = b + a := by\n  induction a with\n  | zero => simp"));

        Assert.Equal(Verdict.Failed, report.Verdict);
    }

    [RequiresToolFact("lean")]
    public async Task Real_Lean_rejects_a_shadowing_instance_in_the_clean_context()
    {
        await using var checker = new LeanProofChecker();

        var report = await checker.CheckAsync(Request(
            "instance (priority := high) evil : HAdd Nat Nat Nat := ⟨fun _ _ => 0⟩\ntheorem add_comm' (a b : Nat) : a + b = b + a := rfl"));

        Assert.Equal(Verdict.Rejected, report.Verdict);
    }
}
