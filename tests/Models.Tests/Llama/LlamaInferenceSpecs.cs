using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using ProofCheck.Models.Llama;

namespace ProofCheck.Models.Tests.Llama;

public sealed partial class LlamaInferenceSpecs(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    private static ChatOptions Greedy(int tokens = 20) => new() { Temperature = 0f, MaxOutputTokens = tokens };

    [Fact]
    public void Tokenizing_then_detokenizing_gives_the_text_back()
    {
        const string text = "Hello world, this is a test.";

        var tokens = tiny.Model.Tokenize(text);

        Assert.Equal([1, 15043, 3186, 29892, 445, 338, 263, 1243, 29889], tokens);
        Assert.Equal(text, tiny.Model.Detokenize(tokens).TrimStart());
    }

    [Fact]
    public async Task Greedy_output_is_identical_across_runs()
    {
        using var client = tiny.Client();

        var first = await client.GetResponseAsync(TinyModelFixture.Prompt(), Greedy());
        var second = await client.GetResponseAsync(TinyModelFixture.Prompt(), Greedy());

        Assert.False(string.IsNullOrWhiteSpace(first.Text));
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(20, first.Usage?.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Length, first.FinishReason);
    }

    [Fact]
    public async Task Seeded_sampling_is_reproducible_and_the_seed_matters()
    {
        using var client = tiny.Client();
        ChatOptions Seeded(long seed) => new() { Temperature = 0.9f, TopK = 40, TopP = 0.95f, Seed = seed, MaxOutputTokens = 30 };

        var a = await client.GetResponseAsync(TinyModelFixture.Prompt(), Seeded(42));
        var b = await client.GetResponseAsync(TinyModelFixture.Prompt(), Seeded(42));
        var c = await client.GetResponseAsync(TinyModelFixture.Prompt(), Seeded(7));

        Assert.Equal(a.Text, b.Text);
        Assert.NotEqual(a.Text, c.Text);
    }

    [Fact]
    public async Task A_gbnf_grammar_is_obeyed()
    {
        using var client = tiny.Client();
        var options = Greedy(40);
        options.AdditionalProperties = new() { [ChatOptionKeys.Grammar] = "root ::= \"(\" [a-z ]{1,12} \")\"" };

        var answer = await client.GetResponseAsync(TinyModelFixture.Prompt(), options);

        Assert.Matches(Bounded(), answer.Text);
        Assert.Equal(ChatFinishReason.Stop, answer.FinishReason);
    }

    [Fact]
    public async Task A_grammar_that_does_not_parse_is_a_clear_error()
    {
        using var client = tiny.Client();
        var options = Greedy();
        options.AdditionalProperties = new() { [ChatOptionKeys.Grammar] = "root ::= (" };

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(TinyModelFixture.Prompt(), options));
        Assert.Contains("grammar does not parse", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stop_string_ends_the_answer_before_it()
    {
        using var client = tiny.Client();
        var full = (await client.GetResponseAsync(TinyModelFixture.Prompt(), Greedy(30))).Text;
        var stop = full.Substring(full.Length / 2, 3);
        var options = Greedy(30);
        options.StopSequences = [stop];

        var cut = await client.GetResponseAsync(TinyModelFixture.Prompt(), options);

        Assert.Equal(full[..full.IndexOf(stop, StringComparison.Ordinal)], cut.Text);
        Assert.Equal(ChatFinishReason.Stop, cut.FinishReason);
    }

    [Fact]
    public async Task Cancelling_mid_generation_stops_it()
    {
        using var client = tiny.Client();
        using var cts = new CancellationTokenSource();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(TinyModelFixture.Prompt(), Greedy(400), cts.Token))
            {
                if (++received == 5)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.InRange(received, 5, 6);
    }

    [Fact]
    public async Task Two_contexts_on_one_model_run_at_once_without_disturbing_each_other()
    {
        using var client = tiny.Client();
        var alone = (await client.GetResponseAsync(TinyModelFixture.Prompt(), Greedy(40))).Text;
        var other = (await client.GetResponseAsync(TinyModelFixture.Prompt("Prove that 2 is prime."), Greedy(40))).Text;

        var both = await Task.WhenAll(
            Task.Run(() => client.GetResponseAsync(TinyModelFixture.Prompt(), Greedy(40))),
            Task.Run(() => client.GetResponseAsync(TinyModelFixture.Prompt("Prove that 2 is prime."), Greedy(40))));

        Assert.Equal(alone, both[0].Text);
        Assert.Equal(other, both[1].Text);
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_is_refused_before_it_runs()
    {
        using var client = tiny.Client(TinyModelFixture.Options with { ContextLength = 64 });
        var prompt = string.Join(' ', Enumerable.Repeat("theorem", 100));

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(TinyModelFixture.Prompt(prompt), Greedy()));
        Assert.Contains("context holds 64", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_stops_at_the_end_of_the_context()
    {
        using var client = tiny.Client(TinyModelFixture.Options with { ContextLength = 64 });

        var answer = await client.GetResponseAsync(TinyModelFixture.Prompt(), Greedy(500));

        Assert.Equal(ChatFinishReason.Length, answer.FinishReason);
        Assert.Equal(64, answer.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task A_model_without_a_template_needs_one_named()
    {
        using var client = tiny.Client(TinyModelFixture.Options with { Template = null });

        var e = await Assert.ThrowsAsync<ModelException>(() => client.GetResponseAsync(TinyModelFixture.Prompt(), Greedy()));
        Assert.Contains("has no chat template", e.Message, StringComparison.Ordinal);
        Assert.Contains("chatml", e.Advice, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\([a-z ]{1,12}\)$")]
    private static partial Regex Bounded();
}
