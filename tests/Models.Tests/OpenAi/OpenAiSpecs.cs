using System.Text.Json;
using Microsoft.Extensions.AI;
using ProofCheck.Models.OpenAi;
using ProofCheck.TestSupport;

namespace ProofCheck.Models.Tests.OpenAi;

public sealed class OpenAiSpecs
{
    private static readonly ChatMessage[] Prompt = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Prove 1+1=2.")];

    private static OpenAiCompatibleChatClient Client(FakeChatServer server, int retries = 3, TimeSpan? timeout = null, string keyVariable = "PROOFCHECK_TEST_NO_KEY") =>
        new(new OpenAiEndpoint
        {
            BaseUrl = server.BaseUrl,
            Model = "qwq",
            ApiKeyVariable = keyVariable,
            MaxRetries = retries,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            Timeout = timeout ?? TimeSpan.FromSeconds(20),
        });

    [Fact]
    public async Task An_answer_comes_back_with_its_token_usage_and_the_request_carries_model_and_messages()
    {
        using var server = new FakeChatServer(FakeChatServer.Json("By definition of +."));
        using var client = Client(server);

        var answer = await client.GetResponseAsync(Prompt, new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 50, Seed = 3 });

        Assert.Equal("By definition of +.", answer.Text);
        Assert.Equal(11, answer.Usage?.InputTokenCount);
        Assert.Equal(7, answer.Usage?.OutputTokenCount);
        Assert.True(server.Requests.TryDequeue(out var request));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("qwq", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("Prove 1+1=2.", body.RootElement.GetProperty("messages")[1].GetProperty("content").GetString());
        Assert.Equal(3, body.RootElement.GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task A_streamed_answer_arrives_in_pieces_until_done()
    {
        using var server = new FakeChatServer(FakeChatServer.Stream("By ", "definition", "."));
        using var client = Client(server);

        var pieces = new List<string>();
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Prompt))
        {
            updates.Add(update);
            if (update.Text.Length > 0)
            {
                pieces.Add(update.Text);
            }
        }

        Assert.Equal(["By ", "definition", "."], pieces);
        var whole = updates.ToChatResponse();
        Assert.Equal(ChatFinishReason.Stop, whole.FinishReason);
        Assert.Equal(3, whole.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_servers_retry_after_and_then_succeeds()
    {
        using var server = new FakeChatServer(FakeChatServer.Error(429, "Rate limit reached", retryAfter: "0"), FakeChatServer.Json("ok"));
        using var client = Client(server);

        var answer = await client.GetResponseAsync(Prompt);

        Assert.Equal("ok", answer.Text);
        Assert.Equal(2, server.Served);
    }

    [Fact]
    public async Task A_storm_of_500s_ends_in_a_clear_error_after_the_retries()
    {
        using var server = new FakeChatServer(FakeChatServer.Error(500, "upstream crashed"));
        using var client = Client(server, retries: 2);

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Prompt));

        Assert.Contains("kept failing (HTTP 500: upstream crashed) after 3 attempt(s)", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Served);
    }

    [Fact]
    public async Task With_retries_turned_off_a_500_fails_at_once()
    {
        using var server = new FakeChatServer(FakeChatServer.Error(500, "down"));
        using var client = Client(server, retries: 0);

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetStreamingResponseAsync(Prompt).ToChatResponseAsync());

        Assert.Contains("after 1 attempt(s)", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Served);
    }

    [Fact]
    public async Task A_streaming_request_is_retried_before_its_first_token()
    {
        using var server = new FakeChatServer(FakeChatServer.Error(503, "loading model", retryAfter: "0"), FakeChatServer.Stream("fine"));
        using var client = Client(server);

        var answer = await client.GetStreamingResponseAsync(Prompt).ToChatResponseAsync();

        Assert.Equal("fine", answer.Text);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_a_timeout_error()
    {
        using var server = new FakeChatServer(FakeChatServer.Slow(TimeSpan.FromSeconds(3)));
        using var client = Client(server, retries: 1, timeout: TimeSpan.FromMilliseconds(300));

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Prompt));

        Assert.Contains("gave no answer within 0.3 s (after 2 attempt(s))", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_stalls_mid_answer_is_an_error_not_a_hang()
    {
        using var server = new FakeChatServer(FakeChatServer.StreamWithPause(TimeSpan.FromSeconds(3), "By ", "computation."));
        using var client = Client(server, timeout: TimeSpan.FromMilliseconds(500));
        var received = new List<string>();

        var e = await Assert.ThrowsAsync<ModelException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Prompt))
            {
                received.Add(update.Text);
            }
        });

        Assert.Contains("stopped sending in the middle of an answer", e.Message, StringComparison.Ordinal);
        Assert.Equal("By ", string.Concat(received));
    }

    [Fact]
    public async Task A_think_block_split_across_chunks_is_kept_apart_from_the_answer()
    {
        using var server = new FakeChatServer(FakeChatServer.Stream("<thi", "nk>Try induction.</th", "ink>\n\nBy ", "computation."));
        using var client = Client(server);

        var answer = await client.GetStreamingResponseAsync(Prompt).ToChatResponseAsync();

        Assert.Equal("\n\nBy computation.", answer.Text);
        Assert.Equal("Try induction.", ReasoningText.Of(answer));
    }

    [Fact]
    public async Task A_separate_reasoning_field_and_an_unopened_think_block_are_both_reasoning()
    {
        using var server = new FakeChatServer(FakeChatServer.Json("thinking hard</think>Answer: 2", reasoningContent: "field thoughts"));
        using var client = Client(server);

        var answer = await client.GetResponseAsync(Prompt);

        Assert.Equal("Answer: 2", answer.Text);
        Assert.Equal("field thoughts\nthinking hard", ReasoningText.Of(answer));
    }

    [Fact]
    public async Task A_rejected_key_names_the_variable_and_never_shows_the_key()
    {
        Environment.SetEnvironmentVariable("PROOFCHECK_TEST_KEY_401", "sk-secret-123");
        using var server = new FakeChatServer(FakeChatServer.Error(401, "Incorrect API key provided: sk-secret-123"));
        using var client = Client(server, keyVariable: "PROOFCHECK_TEST_KEY_401");

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Prompt));

        Assert.Contains("refused the API key (HTTP 401)", e.Message, StringComparison.Ordinal);
        Assert.Contains("PROOFCHECK_TEST_KEY_401", e.Advice, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret", e.Message + e.Advice, StringComparison.Ordinal);
        Assert.True(server.Requests.TryDequeue(out var request));
        Assert.Equal("Bearer sk-secret-123", request.Authorization);
        Assert.Equal(1, server.Served);
    }

    [Fact]
    public async Task An_unknown_model_is_a_clear_404_error()
    {
        using var server = new FakeChatServer(FakeChatServer.Error(404, "model \"qwq\" not found, try pulling it first"));
        using var client = Client(server);

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Prompt));

        Assert.Contains("404 for model \"qwq\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("ollama pull", e.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_not_running_is_named_as_unreachable()
    {
        var port = FakeChatServer.FreePort();
        using var client = new OpenAiCompatibleChatClient(new OpenAiEndpoint
        {
            BaseUrl = new Uri($"http://127.0.0.1:{port}/v1"),
            Model = "qwq",
            MaxRetries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        });

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Prompt));

        Assert.StartsWith($"Could not reach http://127.0.0.1:{port}/v1 after 2 attempt(s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grammar_is_refused_rather_than_ignored()
    {
        using var server = new FakeChatServer(FakeChatServer.Json("free text"));
        using var client = Client(server);
        var options = new ChatOptions { AdditionalProperties = new() { [ChatOptionKeys.Grammar] = "root ::= \"a\"" } };

        await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Prompt, options));
        Assert.Equal(0, server.Served);
    }

    [Fact]
    public async Task An_answer_with_no_choices_is_a_clear_error_not_an_empty_answer()
    {
        using var server = new FakeChatServer(FakeChatServer.Raw("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[]}"""));
        using var client = Client(server, retries: 0);

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Prompt));

        Assert.Contains("no answer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_named_as_such()
    {
        using var server = new FakeChatServer(FakeChatServer.Raw("<html><body>Bad gateway page</body></html>", "text/html"));
        using var client = Client(server, retries: 0);

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Prompt));

        Assert.Contains("not a chat-completions answer", e.Message, StringComparison.Ordinal);
        Assert.Contains("/v1", e.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_ignores_the_stream_flag_still_gives_its_answer()
    {
        using var server = new FakeChatServer(FakeChatServer.Json("whole answer"));
        using var client = Client(server);

        var answer = await client.GetStreamingResponseAsync(Prompt).ToChatResponseAsync();

        Assert.Equal("whole answer", answer.Text);
        Assert.Equal(2, server.Served);
    }

    [Fact]
    public async Task A_lone_closing_think_tag_in_a_stream_never_reaches_the_answer()
    {
        using var server = new FakeChatServer(FakeChatServer.Stream("I think 2.</think>", "Answer: 2"));
        using var client = Client(server);

        var answer = await client.GetStreamingResponseAsync(Prompt).ToChatResponseAsync();

        Assert.Equal("Answer: 2", answer.Text);
        Assert.Equal("I think 2.", ReasoningText.Of(answer));
    }
}
