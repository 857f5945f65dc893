using Microsoft.Extensions.AI;
using ProofCheck.Models.Llama;
using ProofCheck.Models.OpenAi;
using ProofCheck.Models.Replay;
using ProofCheck.TestSupport;

namespace ProofCheck.Models.Tests;

public sealed class ModelSelectorSpecs() : FolderSpecs("pc-select-")
{
    [Fact]
    public void Without_a_spec_or_the_environment_variable_the_error_lists_the_ways_to_get_a_model()
    {
        var saved = Environment.GetEnvironmentVariable(ModelSelector.ModelVariable);
        Environment.SetEnvironmentVariable(ModelSelector.ModelVariable, null);
        try
        {
            var e = Assert.Throws<ModelException>(() => ModelSelector.Create(null));
            Assert.Contains("ollama pull qwq", e.Advice, StringComparison.Ordinal);
            Assert.Contains("GGUF", e.Advice, StringComparison.Ordinal);
            Assert.Contains("replay:FILE", e.Advice, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelSelector.ModelVariable, saved);
        }
    }

    [Fact]
    public async Task A_replay_spec_answers_from_the_file()
    {
        var path = Path.Combine(Folder, "r.jsonl");
        await File.WriteAllTextAsync(path, ReplayFile.Serialize(new RecordedExchange(null, new RecordedRequest([new("user", "q")], null), new RecordedResponse("a"))));

        using var client = ModelSelector.Create("replay:" + path);

        Assert.Equal("a", (await client.GetResponseAsync("q")).Text);
    }

    [Theory]
    [InlineData("http://gpu-box:8000/v1#deepseek-r1", "http://gpu-box:8000/v1", "deepseek-r1")]
    public void Http_specs_select_the_openai_compatible_backend(string spec, string url, string model)
    {
        using var client = ModelSelector.Create(spec);

        var metadata = Assert.IsType<OpenAiCompatibleChatClient>(client).Metadata;
        Assert.Equal(new Uri(url), metadata.ProviderUri);
        Assert.Equal(model, metadata.DefaultModelId);
    }

    [Fact]
    public void An_ollama_spec_selects_ollamas_own_api_at_its_default_address()
    {
        using var client = ModelSelector.Create("ollama:qwq");

        var metadata = Assert.IsType<ProofCheck.Models.Ollama.OllamaChatClient>(client).Metadata;
        Assert.Equal(new Uri("http://localhost:11434/"), metadata.ProviderUri);
        Assert.Equal("qwq", metadata.DefaultModelId);
    }

    [Theory]
    [InlineData("http://localhost:8080/v1", "names no model")]
    [InlineData("ollama:", "names no model")]
    [InlineData("gpt-4o", "not a model spec")]
    public void A_malformed_spec_is_a_clear_error(string spec, string expected)
    {
        var e = Assert.Throws<ModelException>(() => ModelSelector.Create(spec));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gguf_path_runs_embedded_and_can_be_recorded_for_replay()
    {
        var record = Path.Combine(Folder, "rec.jsonl");
        var options = new ChatOptions { Temperature = 0f, MaxOutputTokens = 8 };
        string live;
        using (var client = ModelSelector.Create(RepoPaths.TinyModel, new ModelSelectionOptions { Template = "chatml", Threads = 1, ContextLength = 256, RecordTo = record }))
        {
            Assert.NotNull(client.GetService<LlamaChatClient>());
            live = (await client.GetResponseAsync("Once upon a time", options)).Text;
        }

        using var replay = ModelSelector.Create("replay:" + record);
        Assert.Equal(live, (await replay.GetResponseAsync("Once upon a time", options)).Text);
    }
}
