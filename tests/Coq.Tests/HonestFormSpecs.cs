using ProofCheck.Core;
using ProofCheck.TestSupport;

namespace ProofCheck.Coq.Tests;

[Collection("coqc")]
public sealed class HonestFormSpecs
{
    public static TheoryData<string> Names => [.. HonestForms.All.Select(f => f.Name)];

    [RequiresToolTheory("coqc")]
    [MemberData(nameof(Names))]
    public async Task An_honest_proof_in_a_form_people_write_is_Verified(string name)
    {
        var form = HonestForms.All.Single(f => f.Name == name);
        var report = await new CoqChecker().CheckAsync(new CheckRequest(form.Proof)
        {
            CanonicalStatement = form.Statement,
            AllowedAxioms = form.Axioms,
            Timeout = TimeSpan.FromSeconds(90),
        });
        Assert.True(report.Verdict == Verdict.Verified, ReportJson.Serialize(report));
    }

    [RequiresToolFact("coqc")]
    public async Task A_restated_preamble_that_changes_an_Inductive_is_not_Verified()
    {
        const string statement = "Inductive color := Red | Green.\nDefinition flip (c : color) : color := match c with Red => Green | Green => Red end.\n\n"
            + "Theorem flip_flip : forall c, flip (flip c) = c.\nAdmitted.\n";
        const string changed = "Inductive color := Red.\nDefinition flip (c : color) : color := c.\n\n"
            + "Theorem flip_flip : forall c, flip (flip c) = c.\nProof. destruct c; reflexivity. Qed.\n";
        var report = await new CoqChecker().CheckAsync(new CheckRequest(changed) { CanonicalStatement = statement });
        Assert.NotEqual(Verdict.Verified, report.Verdict);
        Assert.Contains(report.Audit!.Findings, f => f.Rule == "statement-meaning");
    }

    [RequiresToolFact("coqc")]
    public async Task An_error_after_a_left_out_preamble_points_at_the_line_the_model_wrote()
    {
        const string statement = "Require Import Arith.\nTheorem t : forall n, n + 0 = n.\nAdmitted.\n";
        const string proof = "Theorem t : forall n, n + 0 = n.\nProof.\n  intros n.\n  exact I.\nQed.\n";
        var report = await new CoqChecker().CheckAsync(new CheckRequest(proof) { CanonicalStatement = statement });
        Assert.Equal(Verdict.Failed, report.Verdict);
        var error = report.Obligations[0].Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(4, error.Span!.Line);
        Assert.True(error.Goal?.Contains("n + 0 = n", StringComparison.Ordinal), ReportJson.Serialize(report));
    }
}
