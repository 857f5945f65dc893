using ProofCheck.Coq.Running;
using ProofCheck.Core;
using ProofCheck.TestSupport;

namespace ProofCheck.Coq.Tests;

// The clean-context stage runs as a coqtop started beside the submission stage (it loads its libraries while the
// submission compiles). It must decide exactly what a coqc of its own after the submission stage decided, and
// nothing the submission runs while the prover is already up may reach it.
[Collection("coqc")]
public sealed class ClosingProverSpecs
{
    /// <summary>Every honest form, and every attempt that gets as far as the clean-context stage.</summary>
    public static TheoryData<string> Reaching => [
        .. HonestForms.All.Select(f => "honest: " + f.Name),
        .. AdversarialAttempts.All.Where(a => a.Rule is "statement-meaning" or "assumptions").Select(a => "attempt: " + a.Name)];

    [RequiresToolTheory("coqc")]
    [MemberData(nameof(Reaching))]
    public async Task The_warm_clean_context_stage_decides_as_a_coqc_of_its_own(string name)
    {
        var request = HonestForms.All.SingleOrDefault(f => "honest: " + f.Name == name) is { } form
            ? new CheckRequest(form.Proof) { CanonicalStatement = form.Statement, AllowedAxioms = form.Axioms, Timeout = TimeSpan.FromSeconds(90) }
            : AdversarialAttempts.All.Single(a => "attempt: " + a.Name == name).Request;

        var warm = await new CoqChecker(CanonicalLibraryCache.Default).CheckAsync(request);
        var twoProcesses = await new CoqChecker(CanonicalLibraryCache.Default, warmClosing: false).CheckAsync(request);

        Assert.True(warm.Verdict == twoProcesses.Verdict, $"warm: {ReportJson.Serialize(warm)}\ntwo processes: {ReportJson.Serialize(twoProcesses)}");
        Assert.Equal(twoProcesses.Audit!.Findings.Select(f => f.Rule), warm.Audit!.Findings.Select(f => f.Rule));
        Assert.DoesNotContain(warm.Audit.Findings, f => f.Construct.Contains("Coq <", StringComparison.Ordinal)); // coqtop's prompt is not part of Coq's message
    }

    [RequiresToolFact("bwrap")]
    public async Task A_submission_that_writes_toward_the_running_clean_context_stage_changes_nothing()
    {
        Assert.True(Execution.Sandbox.IsAvailable, Execution.Sandbox.WhyUnavailable);
        var coq = await CoqInstallation.FindAsync(CancellationToken.None);
        Assert.NotNull(coq?.Coqtop);
        using var workspace = new CoqWorkspace(coq, sandboxed: true, TimeSpan.FromSeconds(120));
        var (library, failure) = await CanonicalLibraryCache.GetAsync(null, workspace,
            ClosingFiles.Canonical("Definition a := 1.", "a = 1"), CancellationToken.None);
        Assert.True(library is not null, failure?.StandardError);

        await using var prover = ClosingProver.Start(workspace, coq.Coqtop!, library, ["Require Coq.Arith.Arith."], CancellationToken.None);
        Assert.True(Directory.Exists(prover.Folder));

        // Compiled directly, one file each (the audit would refuse each of these first): every way coqc writes a
        // file, aimed at the folder of the prover that is already running, by relative and by absolute path.
        var submission = (workspace.Stage("submission"), workspace.CandidatePrefix);
        var attempts = new[]
        {
            "Redirect \"../closing/Candidate\" Print nat.",
            $"Redirect \"{prover.Folder}/Candidate\" Print nat.",
            $"Extraction \"{prover.Folder}/Candidate.ml\" nat.",
            $"Cd \"{prover.Folder}\".\nRedirect \"Candidate\" Print nat.",
            $"Cd \"..\".\nRedirect \"closing/Candidate\" Print nat.",
        };
        foreach (var attempt in attempts)
        {
            await workspace.CompileAsync("submission", ClosingFiles.CandidateLibrary,
                $"Require Import {library.QualifiedName}.\n{attempt}\nTheorem main : a = 1.\nProof. reflexivity. Qed.\n",
                [(library.Folder, library.Prefix), submission], CancellationToken.None);
            Assert.Empty(Directory.GetFiles(prover.Folder));
        }

        // Whatever the submission did, the honest library goes in and the stage says what a clean context says.
        var honest = await workspace.CompileAsync("submission", ClosingFiles.CandidateLibrary,
            $"Require Import {library.QualifiedName}.\nTheorem main : a = 1.\nProof. reflexivity. Qed.\n",
            [(library.Folder, library.Prefix), submission], CancellationToken.None);
        Assert.True(honest.ExitCode == 0, honest.StandardError);
        File.Copy(Path.Combine(workspace.Stage("submission"), "Candidate.vo"), Path.Combine(prover.Folder, "Candidate.vo"));
        var outcome = await prover.FinishAsync(library.Prefix, workspace.CandidatePrefix, "main");

        Assert.Empty(outcome.Errors);
        Assert.True(outcome.Assumptions is not null, outcome.Result.StandardOutput + outcome.Result.StandardError);
        Assert.True(AssumptionsReport.Parse(outcome.Assumptions).Closed, outcome.Assumptions);
        Assert.Equal(["Candidate.vo"], Directory.GetFiles(prover.Folder).Select(Path.GetFileName));
    }

    [RequiresToolFact("coqc")]
    public async Task A_preload_coqtop_cannot_resolve_costs_nothing_and_an_error_of_the_check_is_reported()
    {
        var coq = await CoqInstallation.FindAsync(CancellationToken.None);
        Assert.NotNull(coq?.Coqtop);
        using var workspace = new CoqWorkspace(coq, sandboxed: Execution.Sandbox.IsAvailable, TimeSpan.FromSeconds(120));
        var (library, failure) = await CanonicalLibraryCache.GetAsync(null, workspace,
            ClosingFiles.Canonical("Definition a := 1.", "a = 1"), CancellationToken.None);
        Assert.True(library is not null, failure?.StandardError);
        var submission = (workspace.Stage("submission"), workspace.CandidatePrefix);

        // A main theorem of another type: the check's own Definition fails, whatever the preloads did.
        foreach (var (theorem, same) in new[] { ("Theorem main : a = 1.\nProof. reflexivity. Qed.\n", true), ("Theorem main : True.\nProof. exact I. Qed.\n", false) })
        {
            var candidate = await workspace.CompileAsync("submission", ClosingFiles.CandidateLibrary,
                $"Require Import {library.QualifiedName}.\n{theorem}", [(library.Folder, library.Prefix), submission], CancellationToken.None);
            Assert.True(candidate.ExitCode == 0, candidate.StandardError);
            var closing = workspace.Stage(ClosingProver.StageName);
            if (Directory.Exists(closing))
            {
                Directory.Delete(closing, recursive: true);
            }

            await using var prover = ClosingProver.Start(workspace, coq.Coqtop!, library, ["Require NoSuchLibrary.", "From Nowhere Require Missing."], CancellationToken.None);
            File.Copy(Path.Combine(workspace.Stage("submission"), "Candidate.vo"), Path.Combine(prover.Folder, "Candidate.vo"));
            var outcome = await prover.FinishAsync(library.Prefix, workspace.CandidatePrefix, "main");

            if (same)
            {
                Assert.True(outcome.Errors.Count == 0, string.Join("\n", outcome.Errors.Select(e => e.Message)));
                Assert.True(outcome.Assumptions is not null && AssumptionsReport.Parse(outcome.Assumptions).Closed, outcome.Result.StandardOutput);
            }
            else
            {
                var error = Assert.Single(outcome.Errors);
                Assert.Contains("eq_refl", error.Message, StringComparison.Ordinal);
                Assert.Null(outcome.Assumptions);
            }
        }
    }
}
