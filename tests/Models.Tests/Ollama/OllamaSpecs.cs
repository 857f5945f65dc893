using System.Text.Json;
using Microsoft.Extensions.AI;
using ProofCheck.Models.Ollama;
using ProofCheck.TestSupport;

namespace ProofCheck.Models.Tests.Ollama;

public sealed class OllamaSpecs
{
    private static readonly ChatMessage[] Prompt = [new(ChatRole.User, "Prove 1+1=2.")];

    [Fact]
    public async Task A_thinking_models_reasoning_comes_back_apart_from_the_answer()
    {
        using var server = new FakeChatServer(FakeChatServer.OllamaChat(["Let me ", "think."], ["Answer: ", "2"]));
        using var client = new OllamaChatClient(server.Root, "qwen3");

        var answer = await client.GetResponseAsync(Prompt, new ChatOptions { Temperature = 0f, Seed = 7 });

        Assert.Equal("Answer: 2", answer.Text);
        Assert.Equal("Let me think.", ReasoningText.Of(answer));
        Assert.Equal(12, answer.Usage?.InputTokenCount);
        Assert.Equal(["/api/chat"], server.Paths);
        Assert.True(server.Requests.TryDequeue(out var request));
        using var body = JsonDocument.Parse(request.Body);
        Assert.True(body.RootElement.GetProperty("think").GetBoolean());
        Assert.Equal("qwen3", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(7, body.RootElement.GetProperty("options").GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task A_model_that_cannot_think_is_asked_again_without_thinking()
    {
        using var server = new FakeChatServer(FakeChatServer.OllamaError(400, "\"gemma3\" does not support thinking"), FakeChatServer.OllamaChat([], ["<think>hmm</think>ok"]));
        using var client = new OllamaChatClient(server.Root, "gemma3");

        var answer = await client.GetResponseAsync(Prompt);

        Assert.Equal("ok", answer.Text);
        Assert.Equal("hmm", ReasoningText.Of(answer));
        Assert.Equal(2, server.Served);
    }

    [Fact]
    public async Task A_missing_model_is_named_with_what_the_server_has_and_not_pulled_without_consent()
    {
        using var server = new FakeChatServer(FakeChatServer.OllamaError(404, "model \"qwen3\" not found, try pulling it first"), FakeChatServer.OllamaTags("llama3:8b", "gemma3:1b"));
        using var client = new OllamaChatClient(server.Root, "qwen3");

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Prompt));

        Assert.Contains("has no model \"qwen3\" (it has: gemma3:1b, llama3:8b)", e.Message, StringComparison.Ordinal);
        Assert.Contains("--pull", e.Advice, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/pull", server.Paths);
    }

    [Fact]
    public async Task With_consent_a_missing_model_is_pulled_with_progress_and_then_answers()
    {
        using var server = new FakeChatServer(
            FakeChatServer.OllamaError(404, "model \"qwen3\" not found, try pulling it first"),
            FakeChatServer.OllamaPull(1000),
            FakeChatServer.OllamaChat([], ["pulled and answered"]));
        var steps = new List<OllamaPullProgress>();
        using var client = new OllamaChatClient(server.Root, "qwen3", pullMissing: true, pullProgress: new SyncProgress(steps.Add));

        var answer = await client.GetResponseAsync(Prompt);

        Assert.Equal("pulled and answered", answer.Text);
        Assert.Equal(["/api/chat", "/api/pull", "/api/chat"], server.Paths);
        Assert.Contains(steps, s => s.Fraction == 0.5);
        Assert.Equal("success", steps[^1].Status);
    }

    [Fact]
    public async Task The_server_lists_its_models()
    {
        using var server = new FakeChatServer(FakeChatServer.OllamaTags("qwen3:8b", "deepseek-r1:7b"));
        using var client = new OllamaChatClient(new Uri(server.BaseUrl + "/"), "qwen3");

        Assert.Equal(["deepseek-r1:7b", "qwen3:8b"], await client.ListModelsAsync());
        Assert.Equal(["/api/tags"], server.Paths);
    }

    [Fact]
    public async Task A_server_that_is_not_running_says_how_to_start_it()
    {
        var port = FakeChatServer.FreePort();
        using var client = new OllamaChatClient(new Uri($"http://127.0.0.1:{port}"), "qwen3");

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(Prompt));

        Assert.StartsWith($"Could not reach Ollama at http://127.0.0.1:{port}/", e.Message, StringComparison.Ordinal);
        Assert.Contains("ollama serve", e.Advice, StringComparison.Ordinal);
    }

    // Progress<T> posts to the thread pool; a test needs the reports in order and complete when the call returns.
    private sealed class SyncProgress(Action<OllamaPullProgress> report) : IProgress<OllamaPullProgress>
    {
        public void Report(OllamaPullProgress value) => report(value);
    }
}
