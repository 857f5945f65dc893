using ProofCheck.Core;
using ProofCheck.Models.Replay;
using ProofCheck.Pipeline.Reports;
using ProofCheck.Pipeline.Store;
using ProofCheck.TestSupport;
using Xunit.Abstractions;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>The loop with a scripted model and the real Coq checker (coqc), on the seed problem gauss-sum.</summary>
public sealed class CoqLoopSpecs(ITestOutputHelper output)
{
    private const string NlProof = "1. Induction on n.\n2. The step follows by arithmetic.\nQED";

    private static string Fenced(string file) => "Here is the proof.\n\n```coq\n" + File.ReadAllText(Path.Combine(RepoPaths.Problems, "gauss-sum", file)) + "```\n";

    [RequiresToolFact("coqc")]
    public async Task A_failing_Coq_proof_repaired_in_round_one_is_Verified_and_the_repair_prompt_carries_the_error_and_goal()
    {
        await using var h = new RunHarness();
        var model = new ScriptedChatClient(NlProof, Fenced("broken.v"), Fenced("proof.v"));
        var run = await h.RunAsync(model, RunHarness.Config("gauss-sum", "coq"));

        var checks = h.Store.Checks(run.Id);
        Assert.Equal([Verdict.Failed, Verdict.Verified], checks.Select(c => c.Verdict));
        var error = checks[0].Report.Obligations.SelectMany(o => o.Diagnostics).Concat(checks[0].Report.Diagnostics)
            .First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotNull(error.Goal);
        var repair = h.Store.Attempts(run.Id).Single(a => a.Key.Stage == Stages.Repair);
        Assert.Contains(error.Message.Trim(), repair.Prompt, StringComparison.Ordinal);
        Assert.Contains(error.Goal!.Trim().Split('\n')[^1].Trim(), repair.Prompt, StringComparison.Ordinal);
        output.WriteLine(repair.Prompt);
        Assert.Contains("clear IH. nia.", repair.Prompt, StringComparison.Ordinal);

        var result = RunSummary.Build(h.Store, run).Single().Targets.Single();
        Assert.Equal(Verdict.Verified, result.Verdict);
        Assert.Equal(1, result.RoundsToVerify);
    }

    [RequiresToolFact("coqc")]
    public async Task A_proof_ending_in_Admitted_is_Rejected_and_the_repair_prompt_says_why()
    {
        var admitted = "```coq\n" + File.ReadAllText(Path.Combine(RepoPaths.Problems, "gauss-sum", "statement.v")) + "```\n";
        await using var h = new RunHarness();
        var model = new ScriptedChatClient(NlProof, admitted, admitted);
        var run = await h.RunAsync(model, RunHarness.Config("gauss-sum", "coq"));

        var checks = h.Store.Checks(run.Id);
        Assert.All(checks, c => Assert.Equal(Verdict.Rejected, c.Verdict));
        var finding = checks[0].Report.Audit!.Findings.First();
        var repair = h.Store.Attempts(run.Id).Single(a => a.Key.Stage == Stages.Repair);
        output.WriteLine(repair.Prompt);
        Assert.Contains("Verdict: Rejected", repair.Prompt, StringComparison.Ordinal);
        Assert.Contains("Rejected by the audit", repair.Prompt, StringComparison.Ordinal);
        Assert.Contains(finding.Reason, repair.Prompt, StringComparison.Ordinal);
    }
}
