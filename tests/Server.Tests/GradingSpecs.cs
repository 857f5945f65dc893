using System.Net;
using System.Text.Json;

namespace ProofCheck.Server.Tests;

/// <summary>Rewards for honest, broken and cheating answers, over real HTTP on the real coqc and z3.</summary>
public sealed class GradingSpecs(SharedService service) : IClassFixture<SharedService>
{
    private ServiceHarness Api => service.Harness;

    [Fact]
    public async Task An_honest_Coq_proof_earns_reward_1()
    {
        var (status, body, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion = Answers.HonestCoq, targets = new[] { "coq" } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("reward").GetDouble());
        Assert.Equal("verified", body.GetProperty("reason").GetString());
        Assert.Equal("Verified", body.GetProperty("verdicts").GetProperty("coq").GetString());
    }

    [Fact]
    public async Task A_Coq_proof_with_an_axiom_scores_below_a_failure()
    {
        var (_, body, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion = Answers.AxiomCheatCoq, targets = new[] { "coq" } });

        Assert.Equal(-1, body.GetProperty("reward").GetDouble());
        Assert.Equal("cheat", body.GetProperty("reason").GetString());
        var findings = body.GetProperty("targets").GetProperty("coq").GetProperty("audit").GetProperty("findings");
        Assert.Contains(findings.EnumerateArray(), f => f.GetProperty("construct").GetString()!.Contains("Axiom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_proof_of_a_weaker_statement_is_a_cheat()
    {
        var (_, body, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion = Answers.WeakerStatementCoq, targets = new[] { "coq" } });

        Assert.Equal("Rejected", body.GetProperty("verdicts").GetProperty("coq").GetString());
        Assert.Equal(-1, body.GetProperty("reward").GetDouble());
    }

    [Fact]
    public async Task A_broken_proof_is_a_plain_failure_with_coqc_diagnostics()
    {
        var (_, body, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion = Answers.BrokenCoq, targets = new[] { "coq" } });

        Assert.Equal(0, body.GetProperty("reward").GetDouble());
        Assert.Equal("failed", body.GetProperty("reason").GetString());
        var report = body.GetProperty("targets").GetProperty("coq");
        Assert.Equal("Failed", report.GetProperty("verdict").GetString());
        var messages = report.GetProperty("obligations").EnumerateArray().SelectMany(o => o.GetProperty("diagnostics").EnumerateArray())
            .Concat(report.GetProperty("diagnostics").EnumerateArray());
        Assert.NotEmpty(messages);
    }

    [Fact]
    public async Task A_full_solution_with_every_target_of_a_real_problem_is_verified()
    {
        var (status, body, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion = Answers.FullSolution, targets = new[] { "coq", "smt" } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Verified", body.GetProperty("verdicts").GetProperty("coq").GetString());
        Assert.Equal("Verified", body.GetProperty("verdicts").GetProperty("smt").GetString());
        Assert.Equal(2, body.GetProperty("targets").GetProperty("smt").GetProperty("obligations").GetArrayLength());
        Assert.Equal(1, body.GetProperty("reward").GetDouble());
    }

    [Fact]
    public async Task The_default_targets_are_coq_and_smt()
    {
        var (_, body, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion = Answers.Steps(Answers.StepBase) });

        var targets = body.GetProperty("verdicts").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["coq", "smt"], targets);
        Assert.Equal("Failed", body.GetProperty("verdicts").GetProperty("coq").GetString());
        Assert.Equal("Verified", body.GetProperty("verdicts").GetProperty("smt").GetString());
        Assert.Equal(0, body.GetProperty("reward").GetDouble());
    }

    [Fact]
    public async Task Partial_credit_is_the_share_of_verified_steps_less_the_refuted_ones()
    {
        var completion = Answers.Steps(Answers.StepBase, Answers.StepFalse);

        var (_, partial, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion, targets = new[] { "smt" }, reward = "partial" });
        var (_, binary, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion, targets = new[] { "smt" }, reward = "binary" });

        // One of two steps verified, one refuted at the default cost of half a step: (1 - 0.5) / 2.
        Assert.Equal(0.25, partial.GetProperty("reward").GetDouble(), 6);
        Assert.Equal("partial", partial.GetProperty("reason").GetString());
        Assert.Equal(0, binary.GetProperty("reward").GetDouble());
        var refuted = partial.GetProperty("targets").GetProperty("smt").GetProperty("obligations")[1];
        Assert.Equal("Refuted", refuted.GetProperty("verdict").GetString());
        Assert.False(string.IsNullOrEmpty(refuted.GetProperty("counterexample").GetString()));
    }

    [Fact]
    public async Task Partial_credit_charges_each_unproven_assumption_what_the_spec_says()
    {
        var completion = Answers.Steps(Answers.StepBase, Answers.StepInduction);
        var reward = new { kind = "partial", assumptionCost = 0.25 };

        var (_, charged, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion, targets = new[] { "smt" }, reward });
        var (_, free, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion, targets = new[] { "smt" }, reward = "partial" });

        // Both steps verify, so by default they earn everything; each hypothesis no earlier step proved costs a quarter step.
        Assert.Equal(1, free.GetProperty("reward").GetDouble(), 6);
        var counts = charged.GetProperty("targets").GetProperty("smt").GetProperty("obligations").EnumerateArray()
            .Select(o => o.TryGetProperty("assumptions", out var a) ? a.GetArrayLength() : 0)
            .ToList();
        Assert.Contains(counts, c => c > 0);
        Assert.Equal(counts.Average(c => Math.Max(0, 1 - (0.25 * c))), charged.GetProperty("reward").GetDouble(), 6);
    }

    [Fact]
    public async Task A_vacuous_step_makes_partial_credit_a_cheat_penalty()
    {
        var completion = Answers.Steps(Answers.StepBase, Answers.StepInduction, Answers.StepVacuous);

        var (_, body, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion, targets = new[] { "smt" }, reward = "partial" });

        Assert.Equal(-1, body.GetProperty("reward").GetDouble());
        Assert.Equal("cheat", body.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_reward_object_sets_the_costs()
    {
        var completion = Answers.Steps(Answers.StepVacuous);
        var reward = new { kind = "partial", cheatPenalty = -2.5, failureReward = -0.5 };

        var (_, cheat, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion, targets = new[] { "smt" }, reward });
        var (_, empty, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion = "", targets = new[] { "smt" }, reward });

        Assert.Equal(-2.5, cheat.GetProperty("reward").GetDouble());
        Assert.Equal(-0.5, empty.GetProperty("reward").GetDouble());
    }

    [Theory]
    [InlineData("", null, "empty")]
    [InlineData("Let me think about this. The sum is n(n+1)/2 by pairing terms.", null, "no-code")]
    [InlineData("```coq\nTheorem gauss_sum : forall n : nat, 2 * sum_to n = n * (n + 1).\nProof.\n  induction n", "length", "truncated")]
    public async Task Empty_codeless_and_truncated_answers_are_failures_with_their_reason(string completion, string? finishReason, string reason)
    {
        var (_, body, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion, targets = new[] { "coq" }, finishReason });

        Assert.Equal(0, body.GetProperty("reward").GetDouble());
        Assert.Equal(reason, body.GetProperty("reason").GetString());
        Assert.Equal("Failed", body.GetProperty("verdicts").GetProperty("coq").GetString());
    }

    [Fact]
    public async Task A_callers_own_statement_is_graded_and_marked_unvetted()
    {
        var statement = File.ReadAllText(Path.Combine(TestSupport.RepoPaths.Problems, "gauss-sum", "statement.v"));

        var (_, body, _) = await Api.PostAsync("/v1/grade", new { statement, completion = Answers.HonestCoq, targets = new[] { "coq" } });

        Assert.Equal(1, body.GetProperty("reward").GetDouble());
        Assert.Equal("Verified (statement unvetted)", body.GetProperty("verdicts").GetProperty("coq").GetString());
    }

    [Fact]
    public async Task A_batch_answers_every_item_in_order_with_its_id()
    {
        var items = new object[]
        {
            new { id = "a", problem = "gauss-sum", completion = Answers.Steps(Answers.StepInduction), targets = new[] { "smt" } },
            new { id = "b", problem = "gauss-sum", completion = Answers.Steps(Answers.StepVacuous), targets = new[] { "smt" } },
            new { id = 3, problem = "gauss-sum", completion = "", targets = new[] { "smt" } },
        };

        var (status, body, _) = await Api.PostAsync("/v1/grade/batch", new { items });

        Assert.Equal(HttpStatusCode.OK, status);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["a", "b", "3"], results.Select(r => r.GetProperty("id").ToString()));
        Assert.Equal([1.0, -1.0, 0.0], results.Select(r => r.GetProperty("reward").GetDouble()));
    }

    [Fact]
    public async Task Problems_lists_each_problem_with_its_gradable_targets_and_statements()
    {
        var body = await Api.GetAsync("/v1/problems");

        var gauss = body.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "gauss-sum");
        Assert.Equal(["coq", "lean", "smt"], gauss.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("gauss_sum", gauss.GetProperty("mainTheorem").GetString());
        Assert.Contains("Admitted.", gauss.GetProperty("coqStatement").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_whose_checker_cannot_run_here_is_503_not_a_reward()
    {
        if (TestSupport.Tools.Has("lean"))
        {
            return; // With Lean installed the target can be graded; the spec is about a server without it.
        }

        var (status, body, _) = await Api.PostAsync("/v1/grade", new { problem = "gauss-sum", completion = File.ReadAllText(Path.Combine(TestSupport.RepoPaths.Root, "examples", "gauss-sum.lean.md")), targets = new[] { "lean" } });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("lean", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_says_what_the_service_grades()
    {
        var body = await Api.GetAsync("/health");

        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Contains("coq", body.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        Assert.True(body.GetProperty("problems").GetInt32() > 0);
    }
}
