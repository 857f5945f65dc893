using ProofCheck.Core;
using ProofCheck.Models.Llama;
using ProofCheck.Models.OpenAi;

namespace ProofCheck.Models;

/// <summary>The model backends' lines in <c>proofcheck doctor</c>.</summary>
public static class ModelDoctor
{
    private const string Area = "model";

    public static Task<IReadOnlyList<ToolStatus>> ProbeAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ToolStatus> status = [Embedded(), Endpoints(), Default(), new ToolStatus(Area, "replay", true) { Advice = "replay:FILE answers from a recorded run; --record FILE records one" }];
        return Task.FromResult(status);
    }

    private static ToolStatus Embedded()
    {
        try
        {
            var version = LlamaRuntime.Version();
            return new ToolStatus(Area, "llama.cpp (embedded)", true) { Version = version, Location = AppContext.BaseDirectory };
        }
        catch (ModelException e)
        {
            return new ToolStatus(Area, "llama.cpp (embedded)", false) { Location = AppContext.BaseDirectory, Advice = $"{e.Message} {e.Advice}" };
        }
    }

    private static ToolStatus Endpoints()
    {
        var configured = new List<string>();
        void Note(string variable, string what)
        {
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
            {
                configured.Add($"{what} ({variable} set)");
            }
        }

        Note("OPENAI_API_KEY", "openai:NAME");
        Note(ModelSelector.OpenAiUrlVariable, "openai:NAME base URL");
        Note(ModelSelector.EndpointKeyVariable, "URL#NAME key");
        var ollama = Environment.GetEnvironmentVariable(ModelSelector.OllamaUrlVariable) is { Length: > 0 } u ? u : Ollama.OllamaChatClient.DefaultRoot;
        return new ToolStatus(Area, "OpenAI-compatible HTTP", true)
        {
            Location = $"ollama:NAME -> {ollama}",
            Advice = configured.Count > 0 ? string.Join("; ", configured) : "no key set: ollama:NAME and local URL#NAME servers need none; openai:NAME needs OPENAI_API_KEY",
        };
    }

    private static ToolStatus Default()
    {
        var spec = Environment.GetEnvironmentVariable(ModelSelector.ModelVariable);
        return string.IsNullOrWhiteSpace(spec)
            ? new ToolStatus(Area, "default model", false) { Advice = $"none: pass --model or set {ModelSelector.ModelVariable} (a .gguf path, ollama:NAME, openai:NAME, URL#NAME, replay:FILE)" }
            : new ToolStatus(Area, "default model", true) { Location = $"{ModelSelector.ModelVariable}={spec}" };
    }
}
