using Microsoft.Extensions.AI;
using ProofCheck.Models;
using ProofCheck.Models.Replay;
using ProofCheck.TestSupport;

namespace ProofCheck.Models.Tests.Replay;

public sealed class ReplaySpecs() : FolderSpecs("pc-replay-")
{
    private static ChatMessage[] Ask(string text) => [new(ChatRole.System, "You are a mathematician."), new(ChatRole.User, text)];

    [Fact]
    public async Task A_recorded_request_gets_its_exact_answer()
    {
        var path = Path.Combine(Folder, "r.jsonl");
        var request = new RecordedRequest([new("user", "Prove 1+1=2.")], new RecordedOptions(Temperature: 0f));
        await File.WriteAllTextAsync(path, ReplayFile.Serialize(new RecordedExchange(null, request, new RecordedResponse("By computation.", Reasoning: "trivial"))) + "\n");

        using var replay = await ReplayChatClient.LoadAsync(path);
        var answer = await replay.GetResponseAsync([new ChatMessage(ChatRole.User, "Prove 1+1=2.")], new ChatOptions { Temperature = 0f });

        Assert.Equal("By computation.", answer.Text);
        Assert.Equal("trivial", ReasoningText.Of(answer));
    }

    [Fact]
    public async Task An_unknown_request_is_an_error_not_an_empty_answer()
    {
        using var replay = new ReplayChatClient([new RecordedExchange(null, RecordedRequest.From(Ask("a"), null), new RecordedResponse("A"))]);

        var e = await Assert.ThrowsAsync<ReplayMismatchException>(() => replay.GetResponseAsync(Ask("b")));
        Assert.Contains("no answer for this request", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"b\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_sampling_options_make_a_different_request()
    {
        using var replay = new ReplayChatClient([new RecordedExchange(null, RecordedRequest.From(Ask("a"), new ChatOptions { Temperature = 0.7f }), new RecordedResponse("A"))]);

        await Assert.ThrowsAsync<ReplayMismatchException>(() => replay.GetResponseAsync(Ask("a"), new ChatOptions { Temperature = 0.8f }));
        Assert.Equal("A", (await replay.GetResponseAsync(Ask("a"), new ChatOptions { Temperature = 0.7f, ModelId = "any" })).Text);
    }

    [Fact]
    public async Task A_request_recorded_twice_is_answered_in_order_and_then_refused()
    {
        var request = RecordedRequest.From(Ask("sample"), new ChatOptions { Temperature = 1f });
        using var replay = new ReplayChatClient([new(null, request, new RecordedResponse("first")), new(null, request, new RecordedResponse("second"))]);
        var options = new ChatOptions { Temperature = 1f };

        Assert.Equal("first", (await replay.GetResponseAsync(Ask("sample"), options)).Text);
        Assert.Equal("second", (await replay.GetResponseAsync(Ask("sample"), options)).Text);
        var e = await Assert.ThrowsAsync<ReplayMismatchException>(() => replay.GetResponseAsync(Ask("sample"), options));
        Assert.Contains("2 time(s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_then_replaying_gives_the_same_answers_streamed_or_not()
    {
        var path = Path.Combine(Folder, "sub", "run.jsonl");
        var options = new ChatOptions { Temperature = 0.2f, Seed = 7, StopSequences = ["QED"] };
        using (var recorder = new RecordingChatClient(new ScriptedChatClient(new ScriptedAnswer("Answer one", Reasoning: "hmm"), "Answer two"), path))
        {
            Assert.Equal("Answer one", (await recorder.GetResponseAsync(Ask("one"), options)).Text);
            var streamed = await recorder.GetStreamingResponseAsync(Ask("two"), options).ToChatResponseAsync();
            Assert.Equal("Answer two", streamed.Text);
        }

        Assert.Equal(2, File.ReadAllLines(path).Length);
        using var replay = await ReplayChatClient.LoadAsync(path);
        var two = await replay.GetStreamingResponseAsync(Ask("two"), options).ToChatResponseAsync();
        var one = await replay.GetResponseAsync(Ask("one"), options);

        Assert.Equal("Answer two", two.Text);
        Assert.Equal("Answer one", one.Text);
        Assert.Equal("hmm", ReasoningText.Of(one));
        Assert.Equal(0, replay.Remaining);
    }

    [Fact]
    public async Task A_failed_request_is_not_recorded()
    {
        var path = Path.Combine(Folder, "fail.jsonl");
        using (var recorder = new RecordingChatClient(new ScriptedChatClient(), path))
        {
            await Assert.ThrowsAsync<ReplayMismatchException>(() => recorder.GetResponseAsync(Ask("x")));
        }

        Assert.Empty(File.ReadAllText(path));
    }

    [Fact]
    public async Task A_malformed_line_is_reported_with_its_line_number()
    {
        var path = Path.Combine(Folder, "bad.jsonl");
        var good = ReplayFile.Serialize(new RecordedExchange(null, RecordedRequest.From(Ask("a"), null), new RecordedResponse("A")));
        await File.WriteAllLinesAsync(path, [good, "", "{\"request\": {\"messages\": []}}"]);

        var e = await Assert.ThrowsAsync<ModelException>(() => ReplayFile.LoadAsync(path));
        Assert.Contains("bad.jsonl:3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_request_with_a_stale_key_is_refused()
    {
        var path = Path.Combine(Folder, "edited.jsonl");
        var line = ReplayFile.Serialize(new RecordedExchange(RequestFingerprint.Compute(Ask("a"), null), RecordedRequest.From(Ask("a"), null), new RecordedResponse("A")));
        await File.WriteAllTextAsync(path, line.Replace("\"a\"", "\"b\"", StringComparison.Ordinal));

        var e = await Assert.ThrowsAsync<ModelException>(() => ReplayFile.LoadAsync(path));
        Assert.Contains("does not match", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_replay_file_says_so()
    {
        var e = await Assert.ThrowsAsync<ModelException>(() => ReplayChatClient.LoadAsync(Path.Combine(Folder, "nope.jsonl")));
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fingerprint_ignores_the_model_name_but_not_the_grammar()
    {
        var plain = RequestFingerprint.Compute(Ask("a"), new ChatOptions { ModelId = "x" });
        Assert.Equal(plain, RequestFingerprint.Compute(Ask("a"), new ChatOptions { ModelId = "y" }));
        Assert.Equal(plain, RequestFingerprint.Compute(Ask("a"), null));
        var constrained = new ChatOptions { AdditionalProperties = new() { [ChatOptionKeys.Grammar] = "root ::= \"a\"" } };
        Assert.NotEqual(plain, RequestFingerprint.Compute(Ask("a"), constrained));
    }
}
