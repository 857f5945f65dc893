using System.Text.Json;
using ProofCheck.Models.Replay;
using ProofCheck.Pipeline.Grading;
using ProofCheck.TestSupport;

namespace ProofCheck.Server.Tests;

/// <summary><c>export RUN --rl</c>: a real run (scripted model, real checkers) as prompt, completion, reward lines.</summary>
public sealed class RlExportSpecs
{
    [Fact]
    public async Task Each_checked_answer_becomes_a_line_with_its_prompt_completion_reward_and_verdicts()
    {
        // The formalize answer cheats in Coq (an axiom) with honest SMT steps; the Coq repair is honest.
        var formalize = Answers.AxiomCheatCoq + "\n" + Answers.Steps(Answers.StepBase, Answers.StepInduction);
        var lines = await RunAndExportAsync(new ScriptedChatClient("By induction on n.", formalize, Answers.HonestCoq));

        Assert.Equal(2, lines.Count);
        var first = lines[0];
        Assert.Equal("formalize", first.GetProperty("stage").GetString());
        Assert.Contains("By induction on n.", first.GetProperty("prompt").GetString(), StringComparison.Ordinal);
        Assert.Equal(formalize, first.GetProperty("completion").GetString());
        Assert.Equal(-1, first.GetProperty("reward").GetDouble());
        Assert.Equal("cheat", first.GetProperty("reason").GetString());
        Assert.Equal("Rejected", first.GetProperty("verdicts").GetProperty("coq").GetString());
        Assert.Equal("Verified", first.GetProperty("verdicts").GetProperty("smt").GetString());
        Assert.Equal("gauss-sum", first.GetProperty("verifier").GetProperty("problem").GetString());

        var repair = lines[1];
        Assert.Equal("repair", repair.GetProperty("stage").GetString());
        Assert.Equal(1, repair.GetProperty("round").GetInt32());
        Assert.Equal(1, repair.GetProperty("reward").GetDouble());
        Assert.Equal(["coq"], repair.GetProperty("verdicts").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Partial_reward_is_given_beside_the_binary_one()
    {
        var formalize = Answers.Steps(Answers.StepBase, Answers.StepFalse);
        var lines = await RunAndExportAsync(new ScriptedChatClient("By induction on n.", formalize), "smt", rounds: 0);

        var line = Assert.Single(lines);
        Assert.Equal(0, line.GetProperty("reward").GetDouble());
        Assert.Equal(0.25, line.GetProperty("partialReward").GetDouble(), 6);
    }

    private static async Task<List<JsonElement>> RunAndExportAsync(ScriptedChatClient model, string targets = "coq,smt", int rounds = 1)
    {
        await using var harness = new RunHarness();
        var run = await harness.RunAsync(model, RunHarness.Config("gauss-sum", targets.Split(',')) with { Rounds = rounds });
        Assert.Equal(0, model.Remaining);

        using var text = new StringWriter();
        await RlExport.WriteAsync(text, harness.Store, run.Id);
        return [.. text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }
}
