using ProofCheck.Core;
using ProofCheck.TestSupport;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>
/// Against the real Lean when it is on PATH (a core-only statement, so no Mathlib is needed), and every case of
/// Cases/ (our reproduction of each failure class found on public material) when PROOFCHECK_LEAN_PROJECT also names
/// a Lake project with Mathlib; skipped with the reason otherwise.
/// </summary>
public sealed class RealLeanSpecs
{
    private const string Statement = "theorem add_comm' (a b : Nat) : a + b = b + a := by sorry\n";

    private static CheckRequest Request(string proof) => new(proof) { CanonicalStatement = Statement, AllowedImports = ["Init"], Sandboxed = false };

    [RequiresToolTheory("lean", "PROOFCHECK_LEAN_PROJECT")]
    [MemberData(nameof(CaseSpecs.Honest), MemberType = typeof(CaseSpecs))]
    public Task Real_Lean_verifies_every_honest_case(string name) => AssertCaseVerdictAsync("honest", name, Verdict.Verified);

    /// <summary>
    /// Cases the audit or gate (a) refuses are refused before Lean runs; `expect: lean` cases are the ones only gate
    /// (b) (the clean-context comparison and the axiom report) can refuse, and here it must.
    /// </summary>
    [RequiresToolTheory("lean", "PROOFCHECK_LEAN_PROJECT")]
    [MemberData(nameof(CaseSpecs.Cheats), MemberType = typeof(CaseSpecs))]
    public Task Real_Lean_rejects_every_cheat_case(string name) => AssertCaseVerdictAsync("cheat", name, Verdict.Rejected);

    private static async Task AssertCaseVerdictAsync(string kind, string name, Verdict expected)
    {
        var c = LeanCase.Load(Path.Combine(CaseSpecs.Folder, kind, name));
        await using var checker = new LeanProofChecker();

        var report = await checker.CheckAsync(c.Request());

        Assert.True(report.Verdict == expected, $"{c.Expect}: {report.Verdict}: {string.Join("; ", report.Obligations[0].Diagnostics.Select(d => d.Message))}");
    }

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
