using Microsoft.Extensions.AI;
using ProofCheck.Models.Llama;
using ProofCheck.Models.OpenAi;
using ProofCheck.Models.Replay;

namespace ProofCheck.Models;

/// <summary>
/// Turns a model spec into a chat client; the CLI and the pipeline both use this, so a spec means the same
/// everywhere. Specs: a <c>.gguf</c> path (embedded llama.cpp), <c>ollama:NAME</c>, <c>openai:NAME</c>,
/// <c>URL#NAME</c> (any OpenAI-compatible server), <c>replay:FILE</c>. No spec means <c>PROOFCHECK_MODEL</c>.
/// </summary>
public static class ModelSelector
{
    public const string ModelVariable = "PROOFCHECK_MODEL";

    /// <summary>Address of the Ollama server for <c>ollama:</c> specs (default http://localhost:11434; a trailing /v1 is ignored).</summary>
    public const string OllamaUrlVariable = "PROOFCHECK_OLLAMA_URL";

    /// <summary>Base URL for <c>openai:</c> specs (default https://api.openai.com/v1).</summary>
    public const string OpenAiUrlVariable = "OPENAI_BASE_URL";

    /// <summary>API key variable for <c>URL#NAME</c> specs.</summary>
    public const string EndpointKeyVariable = "PROOFCHECK_API_KEY";

    public const string Ways =
        "Choose a model with --model or " + ModelVariable + ": a GGUF file path (embedded llama.cpp, e.g. ./qwq-32b-q4_k_m.gguf); " +
        "ollama:NAME after `ollama pull qwq` (ollama:qwq; --pull pulls it); openai:NAME with OPENAI_API_KEY set; " +
        "URL#NAME for any OpenAI-compatible server (http://localhost:8080/v1#qwq, key in " + EndpointKeyVariable + "); " +
        "replay:FILE to answer from a recorded run.";

    /// <summary>The spec to use: <paramref name="spec"/>, else <c>PROOFCHECK_MODEL</c>, else a message listing the ways to get a model.</summary>
    public static string Resolve(string? spec)
    {
        if (!string.IsNullOrWhiteSpace(spec))
        {
            return spec.Trim();
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(ModelVariable);
        return !string.IsNullOrWhiteSpace(fromEnvironment)
            ? fromEnvironment.Trim()
            : throw new ModelException("No model was chosen.", Ways);
    }

    public static IChatClient Create(string? spec, ModelSelectionOptions? options = null)
    {
        options ??= new ModelSelectionOptions();
        var client = CreateBackend(Resolve(spec), options);
        return options.RecordTo is { } path ? new RecordingChatClient(client, path) : client;
    }

    private static IChatClient CreateBackend(string spec, ModelSelectionOptions options)
    {
        if (spec.StartsWith("replay:", StringComparison.Ordinal))
        {
            var path = spec["replay:".Length..];
            return new ReplayChatClient(ReplayFile.Load(path), path);
        }

        if (spec.StartsWith("ollama:", StringComparison.Ordinal))
        {
            return new Ollama.OllamaChatClient(Url(OllamaUrlVariable, Ollama.OllamaChatClient.DefaultRoot), Name(spec, "ollama:"), options.PullMissing, options.PullProgress);
        }

        if (spec.StartsWith("openai:", StringComparison.Ordinal))
        {
            return Http(Url(OpenAiUrlVariable, OpenAiEndpoint.OpenAiUrl), Name(spec, "openai:"), "OPENAI_API_KEY", options);
        }

        if (spec.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || spec.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var hash = spec.LastIndexOf('#');
            if (hash < 0 || hash == spec.Length - 1)
            {
                throw new ModelException($"\"{spec}\" names no model.", "Write the endpoint as URL#MODEL, e.g. http://localhost:8080/v1#qwq.");
            }

            if (!Uri.TryCreate(spec[..hash], UriKind.Absolute, out var url))
            {
                throw new ModelException($"\"{spec[..hash]}\" is not a valid URL.");
            }

            return Http(url, spec[(hash + 1)..], EndpointKeyVariable, options);
        }

        if (spec.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase) || File.Exists(spec))
        {
            if (options.Logger is { } logger)
            {
                LlamaRuntime.Logger = logger;
            }

            var model = LlamaModel.Load(spec);
            try
            {
                var settings = new LlamaChatClientOptions { Template = options.Template, ContextLength = options.ContextLength };
                return new LlamaChatClient(model, options.Threads > 0 ? settings with { Threads = options.Threads } : settings, ownsModel: true);
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }

        throw new ModelException($"\"{spec}\" is not a model spec this program understands.", Ways);
    }

    private static string Name(string spec, string prefix) =>
        spec.Length > prefix.Length ? spec[prefix.Length..] : throw new ModelException($"\"{spec}\" names no model.", $"Write it as {prefix}NAME.");

    private static Uri Url(string variable, string fallback)
    {
        var configured = Environment.GetEnvironmentVariable(variable);
        var text = string.IsNullOrWhiteSpace(configured) ? fallback : configured.Trim();
        return Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : throw new ModelException($"{variable} is not a valid URL: {text}");
    }

    private static OpenAiCompatibleChatClient Http(Uri url, string model, string keyVariable, ModelSelectionOptions options)
    {
        var endpoint = new OpenAiEndpoint { BaseUrl = url, Model = model, ApiKeyVariable = keyVariable };
        if (options.Timeout is { } timeout)
        {
            endpoint = endpoint with { Timeout = timeout };
        }

        if (options.MaxRetries is { } retries)
        {
            endpoint = endpoint with { MaxRetries = retries };
        }

        return new OpenAiCompatibleChatClient(endpoint, options.Logger);
    }
}
