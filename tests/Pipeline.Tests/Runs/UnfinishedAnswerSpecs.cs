using System.Text.Json.Nodes;
using ProofCheck.Pipeline.Store;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>
/// Answers the model did not finish, from a fake OpenAI-compatible model server on the loopback interface, through the real CLI: each is
/// stored as what it is, shown as such, counted apart, and never formalized or checked.
/// </summary>
public sealed class UnfinishedAnswerSpecs
{
    /// <summary>The <c>--model</c> spec naming the fake server's OpenAI-compatible endpoint.</summary>
    private static string Spec(FakeChatServer server) => $"{server.BaseUrl}#fake";

    public static TheoryData<string, string, int, string, string> Cases => new()
    {
        // A reasoning model still thinking when the token budget runs out.
        { "<think>Let me consider small cases. n = 1 gives 1, n = 2 gives 3, ", "length", 64, "Truncated", "answer truncated at the token limit" },
        { "", "stop", 0, "Empty", "empty answer" },
        { "<think>only thinking</think>\n   ", "stop", 12, "Empty", "empty answer" },
        // A server that ignores the limit: 2 MB where 64 tokens were allowed.
        { new string('x', 2 * 1024 * 1024), "stop", 64, "Oversized", "oversized answer" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_unfinished_prove_answer_is_stored_shown_and_counted_as_such_and_never_formalized(
        string content, string finish, int tokens, string status, string shownAs)
    {
        using var server = new FakeChatServer(FakeChatServer.Json(content, finishReason: finish, completionTokens: tokens));
        await using var h = new RunHarness();
        var (code, output) = await ProofCheckCli.RunAsync(
            ["run", "gauss-sum", "--model", Spec(server), "--targets", "smt", "--rounds", "1", "--max-tokens", "64", "--dir", RepoPaths.Problems, "--store", h.StorePath]);
        Assert.True(code == 1, output);

        var run = h.Store.Runs().Single();
        var prove = Assert.Single(h.Store.Attempts(run.Id));
        Assert.Equal(Enum.Parse<AnswerStatus>(status), prove.Answer);
        Assert.Single(server.Requests);
        Assert.Empty(h.Store.Artifacts(run.Id));
        Assert.Empty(h.Store.Checks(run.Id));
        Assert.Contains($"1 {status.ToLowerInvariant()}", output, StringComparison.Ordinal);

        var (_, detail) = await ProofCheckCli.RunAsync(["show", run.Id, "gauss-sum", "--store", h.StorePath]);
        Assert.Contains(shownAs, detail, StringComparison.Ordinal);
        Assert.Contains("stored, not formalized or checked", detail, StringComparison.Ordinal);
    }

    [RequiresToolFact("z3")]
    public async Task A_truncated_repair_ends_the_repairs_and_the_target_keeps_its_last_checked_verdict()
    {
        using var server = new FakeChatServer(
            FakeChatServer.Json(SmtAnswers.NlProof),
            FakeChatServer.Json(SmtAnswers.FalseStep),
            FakeChatServer.Json("<think>the counterexample n = 1 means", finishReason: "length", completionTokens: 64));
        await using var h = new RunHarness();
        var (code, output) = await ProofCheckCli.RunAsync(
            ["run", "gauss-sum", "--model", Spec(server), "--targets", "smt", "--rounds", "2", "--max-tokens", "64", "--dir", RepoPaths.Problems, "--store", h.StorePath]);
        Assert.True(code == 1, output);

        var run = h.Store.Runs().Single();
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(AnswerStatus.Truncated, h.Store.Attempts(run.Id).Single(a => a.Key.Stage == Stages.Repair).Answer);
        var check = Assert.Single(h.Store.Checks(run.Id));
        Assert.Equal(Core.Verdict.Refuted, check.Verdict);
        Assert.Contains("1 truncated", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sampling_settings_are_sent_with_every_request_and_stored_with_every_attempt()
    {
        using var server = new FakeChatServer(FakeChatServer.Json(string.Empty));
        await using var h = new RunHarness();
        var (code, output) = await ProofCheckCli.RunAsync(
        [
            "run", "gauss-sum", "--model", Spec(server), "--targets", "smt", "--max-tokens", "300", "--temperature", "0.25", "--top-p", "0.5", "--seed", "7",
            "--dir", RepoPaths.Problems, "--store", h.StorePath,
        ]);
        Assert.True(code == 1, output);

        var sent = JsonNode.Parse(Assert.Single(server.Requests).Body)!;
        Assert.Equal(0.25, sent["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(0.5, sent["top_p"]!.GetValue<double>(), 3);
        var attempt = Assert.Single(h.Store.Attempts(h.Store.Runs().Single().Id));
        Assert.Equal(attempt.Sampling!.Seed, sent["seed"]!.GetValue<long>());
        Assert.Equal(new SamplingSettings(300, 0.25f, 0.5f, attempt.Sampling.Seed), attempt.Sampling);
        Assert.Equal(Spec(server), attempt.Model);
    }
}
