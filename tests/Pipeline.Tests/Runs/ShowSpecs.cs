using ProofCheck.Models.Replay;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>What <c>show RUN PROBLEM</c> tells a reader: coverage, every SMT step with what it assumes, and the raw answer when it had no code.</summary>
public sealed class ShowSpecs
{
    private const string TwoSteps = "1. n*n >= 0 for every integer n.\n2. Hence the claim.\nQED";

    private const string OneStep = "```smt2\n(declare-const n Int)\n(assert (> n 2))\n(assert (not (> (* n n) 4)))\n(check-sat)\n```";

    [RequiresToolFact("z3")]
    public async Task Show_sets_the_NL_step_count_beside_the_obligations_and_lists_verified_steps_too()
    {
        await using var h = new RunHarness();
        var run = await h.RunAsync(new ScriptedChatClient(TwoSteps, OneStep), RunHarness.Config("gauss-sum", "smt"));

        var (code, shown) = await ProofCheckCli.RunAsync(["show", run.Id, "gauss-sum", "--store", h.StorePath]);
        Assert.True(code == 0, shown);
        Assert.Contains("2 numbered step(s)", shown, StringComparison.Ordinal);
        Assert.Contains("1 obligation(s)", shown, StringComparison.Ordinal);
        Assert.Matches(@"\n  \S.*: Verified", shown);
    }

    [RequiresToolFact("z3")]
    public async Task Show_lists_the_hypotheses_a_step_takes_for_granted_and_the_stored_report_keeps_them()
    {
        await using var h = new RunHarness();
        // The second step's claim (n > 2) is the first step's hypothesis proved; its other hypothesis (n < 100) is not.
        const string TwoObligations = "```smt2\n; step 1\n(declare-const n Int)\n(assert (> n 3))\n(assert (not (> n 2)))\n(check-sat)\n(reset)\n" +
            "; step 2\n(declare-const n Int)\n(assert (> n 2))\n(assert (< n 100))\n(assert (not (> (* n n) 4)))\n(check-sat)\n```";
        var run = await h.RunAsync(new ScriptedChatClient(TwoSteps, TwoObligations), RunHarness.Config("gauss-sum", "smt"));
        var stored = Assert.Single(h.Store.Checks(run.Id)).Report.Obligations;
        Assert.Equal(2, stored.Count);
        Assert.Equal(["(> n 3)"], stored[0].Assumptions);
        Assert.Equal(["(< n 100)"], stored[1].Assumptions);

        var (code, shown) = await ProofCheckCli.RunAsync(["show", run.Id, "gauss-sum", "--store", h.StorePath]);
        Assert.True(code == 0, shown);
        Assert.Contains("assumes (not proved by an earlier step):\n      (> n 3)\n", shown, StringComparison.Ordinal);
        Assert.Contains("assumes (not proved by an earlier step):\n      (< n 100)\n", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("      (> n 2)\n", shown, StringComparison.Ordinal);
    }

    [RequiresToolFact("z3")]
    public async Task An_answer_without_code_is_shown_as_the_model_wrote_it()
    {
        await using var h = new RunHarness();
        const string Refusal = "I cannot write SMT-LIB for this statement, sorry.";
        var run = await h.RunAsync(new ScriptedChatClient(TwoSteps, Refusal, Refusal), RunHarness.Config("gauss-sum", "smt"));

        var (code, shown) = await ProofCheckCli.RunAsync(["show", run.Id, "gauss-sum", "--store", h.StorePath]);
        Assert.True(code == 0, shown);
        Assert.Contains("(the answer contained no code for this target) The answer was:\n" + Refusal, shown, StringComparison.Ordinal);
    }
}
