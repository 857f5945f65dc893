using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models;
using OllamaSharp.Models.Chat;
using OllamaSharp.Models.Exceptions;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;
using OllamaRole = OllamaSharp.Models.Chat.ChatRole;

namespace ProofCheck.Models.Ollama;

/// <summary>
/// <see cref="IChatClient"/> for <c>ollama:NAME</c> over Ollama's own API (OllamaSharp), not its OpenAI-compatible
/// one: a thinking model's reasoning comes back in its own field (asked for with "think"), and a missing model can
/// be pulled, with progress, when the user consents. Inline <c>&lt;think&gt;</c> text from models Ollama does not
/// parse is kept apart too.
/// </summary>
public sealed class OllamaChatClient : IChatClient
{
    private readonly OllamaApiClient client;
    private readonly string model;
    private readonly bool pullMissing;
    private readonly IProgress<OllamaPullProgress>? pullProgress;
    private bool? thinks;

    /// <param name="root">Ollama's address, e.g. http://localhost:11434 (a trailing /v1 is ignored).</param>
    /// <param name="pullMissing">Pull the model when Ollama does not have it (the user's consent, e.g. --pull).</param>
    public OllamaChatClient(Uri root, string model, bool pullMissing = false, IProgress<OllamaPullProgress>? pullProgress = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        Root = Normalize(root);
        this.model = model;
        this.pullMissing = pullMissing;
        this.pullProgress = pullProgress;
        client = new OllamaApiClient(new HttpClient { BaseAddress = Root, Timeout = Timeout.InfiniteTimeSpan }, model);
        Metadata = new ChatClientMetadata("ollama", Root, model);
    }

    /// <summary>Where Ollama listens unless told otherwise.</summary>
    public const string DefaultRoot = "http://localhost:11434";

    public Uri Root { get; }

    public ChatClientMetadata Metadata { get; }

    /// <summary>The models this Ollama has (<c>ollama list</c>).</summary>
    public async Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var models = await client.ListLocalModelsAsync(cancellationToken).ConfigureAwait(false);
            return [.. models.Select(m => m.Name).Order(StringComparer.Ordinal)];
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e);
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

        // One reasoning part and one answer part, as the other backends return them.
        var message = new AiChatMessage(AiChatRole.Assistant, []);
        if (ReasoningText.Of(response) is { } reasoning)
        {
            message.Contents.Add(new TextReasoningContent(reasoning));
        }

        message.Contents.Add(new TextContent(response.Text));
        return new ChatResponse(message) { ResponseId = response.ResponseId, ModelId = response.ModelId, CreatedAt = response.CreatedAt, FinishReason = response.FinishReason, Usage = response.Usage };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = Request(messages, options);
        var responseId = Guid.NewGuid().ToString("N");
        var think = new ThinkTagSplitter();
        await using var stream = (await OpenAsync(request, cancellationToken).ConfigureAwait(false)).Stream;
        var first = true;
        while (first || await MoveNextAsync(stream).ConfigureAwait(false))
        {
            first = false;
            var chunk = stream.Current;
            if (chunk is null)
            {
                continue;
            }

            var update = new ChatResponseUpdate { Role = AiChatRole.Assistant, ResponseId = responseId, ModelId = chunk.Model, CreatedAt = chunk.CreatedAt };
            if (chunk.Message?.Thinking is { Length: > 0 } thought)
            {
                update.Contents.Add(new TextReasoningContent(thought));
            }

            foreach (var (reasoning, text) in think.Push(chunk.Message?.Content ?? ""))
            {
                update.Contents.Add(reasoning ? new TextReasoningContent(text) : new TextContent(text));
            }

            if (chunk is ChatDoneResponseStream done)
            {
                foreach (var (reasoning, text) in think.Flush())
                {
                    update.Contents.Add(reasoning ? new TextReasoningContent(text) : new TextContent(text));
                }

                update.FinishReason = done.DoneReason switch
                {
                    "length" => ChatFinishReason.Length,
                    _ => ChatFinishReason.Stop,
                };
                update.Contents.Add(new UsageContent(new UsageDetails
                {
                    InputTokenCount = done.PromptEvalCount,
                    OutputTokenCount = done.EvalCount,
                    TotalTokenCount = done.PromptEvalCount + done.EvalCount,
                }));
            }

            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType?.IsInstanceOfType(this) == true ? this : null;

    public void Dispose() => client.Dispose();

    // Starts the chat and reads its first chunk, which is where Ollama's errors surface. A model that cannot think
    // is asked again without "think"; a missing one is pulled when allowed, then asked again.
    private async Task<(IAsyncEnumerator<ChatResponseStream?> Stream, bool Any)> OpenAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var pulled = false;
        while (true)
        {
            request.Think = thinks == false ? null : true;
            var stream = client.ChatAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                var any = await stream.MoveNextAsync().ConfigureAwait(false);
                thinks ??= true;
                return any ? (stream, true) : throw new ModelException($"Ollama at {Root} ended the answer before it began.");
            }
            catch (Exception e) when (e is OllamaException or ResponseError or HttpRequestException)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                var message = e.Message;
                if (thinks is null && message.Contains("does not support thinking", StringComparison.OrdinalIgnoreCase))
                {
                    thinks = false;
                    continue;
                }

                if (message.Contains("not found", StringComparison.OrdinalIgnoreCase) && (e is not HttpRequestException h || h.StatusCode == HttpStatusCode.NotFound))
                {
                    if (pullMissing && !pulled)
                    {
                        await PullAsync(cancellationToken).ConfigureAwait(false);
                        pulled = true;
                        continue;
                    }

                    var have = await ListModelsAsync(cancellationToken).ConfigureAwait(false);
                    throw new ModelException(
                        $"Ollama at {Root} has no model \"{model}\"" + (have.Count > 0 ? $" (it has: {string.Join(", ", have)})." : " (it has none)."),
                        $"Pull it (`ollama pull {model}`), or pass --pull to let proofcheck pull it.",
                        e);
                }

                throw e is HttpRequestException { StatusCode: null } r ? Unreachable(r) : new ModelException($"Ollama at {Root} refused the request: {message}", null, e);
            }
        }
    }

    private async Task PullAsync(CancellationToken cancellationToken)
    {
        await foreach (var status in client.PullModelAsync(new PullModelRequest { Model = model }, cancellationToken).ConfigureAwait(false))
        {
            if (status is not null)
            {
                pullProgress?.Report(new OllamaPullProgress(model, status.Status ?? "", status.Total, status.Completed));
            }
        }
    }

    private static async Task<bool> MoveNextAsync(IAsyncEnumerator<ChatResponseStream?> stream)
    {
        try
        {
            return await stream.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OllamaException or ResponseError or HttpRequestException or IOException)
        {
            throw new ModelException($"Ollama broke off the answer: {e.Message}", "Try again; check `ollama ps` and the server's log.", e);
        }
    }

    private ChatRequest Request(IEnumerable<AiChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (ChatOptionKeys.GetString(options, ChatOptionKeys.Grammar) is { Length: > 0 })
        {
            throw new ModelException(
                "The Ollama backend cannot constrain answers with a GBNF grammar.",
                "Use the embedded llama.cpp backend (a .gguf path) for grammar-constrained output.");
        }

        var list = new List<Message>();
        foreach (var m in messages)
        {
            OllamaRole role = m.Role == AiChatRole.System ? OllamaRole.System
                : m.Role == AiChatRole.User ? OllamaRole.User
                : m.Role == AiChatRole.Assistant ? OllamaRole.Assistant
                : throw new ModelException($"The Ollama backend cannot send a message with role \"{m.Role.Value}\".");
            list.Add(new Message(role, Replay.RequestFingerprint.Text(m)));
        }

        return new ChatRequest
        {
            Model = model,
            Messages = list,
            Stream = true,
            Options = options is null ? null : new RequestOptions
            {
                Temperature = options.Temperature,
                TopP = options.TopP,
                TopK = options.TopK,
                Seed = (int?)options.Seed,
                NumPredict = options.MaxOutputTokens,
                FrequencyPenalty = options.FrequencyPenalty,
                PresencePenalty = options.PresencePenalty,
                MinP = ChatOptionKeys.Get<float>(options, ChatOptionKeys.MinP),
                RepeatPenalty = ChatOptionKeys.Get<float>(options, ChatOptionKeys.RepetitionPenalty),
                Stop = options.StopSequences is { Count: > 0 } stops ? [.. stops] : null,
            },
        };
    }

    private ModelException Unreachable(HttpRequestException e) =>
        new($"Could not reach Ollama at {Root}: {e.Message}", $"Start it (`ollama serve`), or set {ModelSelector.OllamaUrlVariable} to its address.", e);

    private static Uri Normalize(Uri root)
    {
        var text = root.ToString().TrimEnd('/');
        if (text.EndsWith("/v1", StringComparison.Ordinal))
        {
            text = text[..^3];
        }

        return new Uri(text + "/");
    }
}

/// <summary>One step of pulling a model: Ollama's status line and, while downloading, bytes done of total.</summary>
public sealed record OllamaPullProgress(string Model, string Status, long? Total, long? Completed)
{
    public double? Fraction => Total is > 0 && Completed is { } done ? (double)done / Total.Value : null;

    /// <summary>A one-line progress bar on <paramref name="writer"/> (a terminal's stderr), redrawn in place.</summary>
    public static IProgress<OllamaPullProgress> Bar(TextWriter writer) => new BarWriter(writer);

    private sealed class BarWriter(TextWriter writer) : IProgress<OllamaPullProgress>
    {
        public void Report(OllamaPullProgress value)
        {
            var line = value.Fraction is { } f
                ? $"pulling {value.Model} [{new string('#', (int)(f * 30)),-30}] {f,4:P0} of {value.Total / 1e9:0.0#} GB"
                : $"pulling {value.Model}: {value.Status}";
            writer.Write("\r" + line.PadRight(72));
            if (value.Status == "success")
            {
                writer.WriteLine();
            }
        }
    }
}
