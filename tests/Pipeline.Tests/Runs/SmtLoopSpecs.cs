using ProofCheck.Core;
using ProofCheck.Models.Replay;
using ProofCheck.Pipeline.Reports;
using ProofCheck.Pipeline.Store;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>The whole loop with a scripted model and the real SMT checker (z3).</summary>
public sealed class SmtLoopSpecs
{
    [RequiresToolFact("z3")]
    public async Task A_false_step_is_Refuted_and_its_counterexample_is_stored()
    {
        await using var h = new RunHarness();
        var model = new ScriptedChatClient(SmtAnswers.NlProof, SmtAnswers.FalseStep, SmtAnswers.FalseStep);
        var run = await h.RunAsync(model, RunHarness.Config("gauss-sum", "smt"));

        var checks = h.Store.Checks(run.Id);
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal(Verdict.Refuted, c.Verdict));
        var refuted = checks[0].Report.Obligations.Single(o => o.Verdict == Verdict.Refuted);
        Assert.Contains("n", refuted.Counterexample, StringComparison.Ordinal);
        var result = RunSummary.Build(h.Store, run).Single().Targets.Single();
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Equal(RunInfo.Finished, run.Status);
    }

    [RequiresToolFact("z3")]
    public async Task A_refuted_step_repaired_in_round_one_is_Verified_and_the_repair_prompt_shows_the_counterexample()
    {
        await using var h = new RunHarness();
        var model = new ScriptedChatClient(SmtAnswers.NlProof, SmtAnswers.FalseStep, new ScriptedAnswer(SmtAnswers.TrueStep, ExpectInPrompt: "Counterexample"));
        var run = await h.RunAsync(model, RunHarness.Config("gauss-sum", "smt"));

        var result = RunSummary.Build(h.Store, run).Single().Targets.Single();
        Assert.Equal(Verdict.Verified, result.Verdict);
        Assert.Equal(1, result.RoundsToVerify);
        var repair = h.Store.Attempts(run.Id).Single(a => a.Key.Stage == Stages.Repair);
        Assert.Contains("is false. Counterexample:", repair.Prompt, StringComparison.Ordinal);
        Assert.Contains("(assert (not (> n 5)))", repair.Prompt, StringComparison.Ordinal);
        Assert.Equal(0, model.Remaining);
    }

    [RequiresToolFact("z3")]
    public async Task A_sample_stops_as_soon_as_its_targets_are_verified()
    {
        await using var h = new RunHarness();
        var model = new ScriptedChatClient(SmtAnswers.NlProof, SmtAnswers.TrueStep);
        var run = await h.RunAsync(model, RunHarness.Config("gauss-sum", "smt") with { Rounds = 3 });

        Assert.Equal(Verdict.Verified, h.Store.Checks(run.Id).Single().Verdict);
        Assert.DoesNotContain(h.Store.Attempts(run.Id), a => a.Key.Stage == Stages.Repair);
    }

    [RequiresToolFact("z3")]
    public async Task A_vacuous_step_is_Rejected_and_the_repair_prompt_says_why()
    {
        const string vacuous = """
            ```smt2
            (declare-const n Int)
            (assert (> n 2))
            (assert (< n 1))
            (assert (not (= n 7)))
            (check-sat)
            ```
            """;
        await using var h = new RunHarness();
        var model = new ScriptedChatClient(SmtAnswers.NlProof, vacuous, vacuous);
        var run = await h.RunAsync(model, RunHarness.Config("gauss-sum", "smt"));

        Assert.Equal(Verdict.Rejected, h.Store.Checks(run.Id)[0].Verdict);
        var repair = h.Store.Attempts(run.Id).Single(a => a.Key.Stage == Stages.Repair);
        Assert.Contains("Verdict: Rejected", repair.Prompt, StringComparison.Ordinal);
        Assert.Contains("vacuous", repair.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_writes_no_code_gets_a_clear_Failed_with_that_reason()
    {
        await using var h = new RunHarness();
        var model = new ScriptedChatClient(SmtAnswers.NlProof, "I am sure the theorem is true.", "Still no code, sorry.");
        var run = await h.RunAsync(model, RunHarness.Config("gauss-sum", "smt"));

        var checks = h.Store.Checks(run.Id);
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal(Verdict.Failed, c.Verdict));
        var message = checks[0].Report.Obligations.Single().Diagnostics.Single().Message;
        Assert.Contains("contains no SMT-LIB 2 code", message, StringComparison.Ordinal);
        var repair = h.Store.Attempts(run.Id).Single(a => a.Key.Stage == Stages.Repair);
        Assert.Contains("contains no SMT-LIB 2 code", repair.Prompt, StringComparison.Ordinal);
    }
}
