using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ProofCheck.Models.Llama;

/// <summary>
/// <see cref="IChatClient"/> over a GGUF model running in this process. Each request gets its own context on the
/// shared <see cref="LlamaModel"/>, so concurrent requests are independent. The prompt is checked against the
/// context length before anything runs; the answer ends at end-of-generation, a stop string, the token limit or
/// the end of the context (finish reason "length").
/// </summary>
public sealed class LlamaChatClient : IChatClient
{
    private readonly LlamaModel model;
    private readonly bool ownsModel;
    private readonly LlamaChatClientOptions options;

    public LlamaChatClient(LlamaModel model, LlamaChatClientOptions? options = null, bool ownsModel = false)
    {
        this.model = model ?? throw new ArgumentNullException(nameof(model));
        this.options = options ?? new LlamaChatClientOptions();
        this.ownsModel = ownsModel;
        Metadata = new ChatClientMetadata("llama.cpp", null, Path.GetFileNameWithoutExtension(model.Path));
    }

    public ChatClientMetadata Metadata { get; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();

        // Native work is synchronous; leave the caller's thread before the prompt decode.
        await Task.Yield();
        var prompt = LlamaChatTemplate.Apply(model, this.options.Template, [.. messages]);
        var promptTokens = model.Tokenize(prompt, addSpecial: true, parseSpecial: true);
        using var session = new LlamaSession(model, this.options, options, cancellationToken);
        if (promptTokens.Length >= session.ContextLength)
        {
            throw new ModelException(
                $"The prompt is {promptTokens.Length} tokens but the context holds {session.ContextLength}.",
                "Shorten the prompt or raise the context length.");
        }

        session.Decode(promptTokens, cancellationToken);
        var maxTokens = options?.MaxOutputTokens ?? this.options.DefaultMaxOutputTokens;
        var stops = new StopStringMatcher(options?.StopSequences as IReadOnlyList<string> ?? options?.StopSequences?.ToList());
        var think = new ThinkTagSplitter();
        var responseId = Guid.NewGuid().ToString("N");
        var generated = 0;
        var finish = ChatFinishReason.Length;
        var token = new int[1];
        while (generated < maxTokens && promptTokens.Length + generated < session.ContextLength)
        {
            cancellationToken.ThrowIfCancellationRequested();
            token[0] = session.Sample();
            if (session.IsEndOfGeneration(token[0]))
            {
                finish = ChatFinishReason.Stop;
                break;
            }

            generated++;
            var shown = stops.Push(session.Piece(token[0]));
            foreach (var update in Updates(think.Push(shown), responseId))
            {
                yield return update;
            }

            if (stops.Stopped)
            {
                finish = ChatFinishReason.Stop;
                break;
            }

            session.Decode(token, cancellationToken);
        }

        foreach (var update in Updates(think.Push(stops.Flush()), responseId))
        {
            yield return update;
        }

        foreach (var update in Updates(think.Flush(), responseId))
        {
            yield return update;
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails
        {
            InputTokenCount = promptTokens.Length,
            OutputTokenCount = generated,
            TotalTokenCount = promptTokens.Length + generated,
        })])
        {
            FinishReason = finish,
            ResponseId = responseId,
            ModelId = Metadata.DefaultModelId,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType == typeof(LlamaModel) ? model
        : serviceType?.IsInstanceOfType(this) == true ? this : null;

    public void Dispose()
    {
        if (ownsModel)
        {
            model.Dispose();
        }
    }

    private IEnumerable<ChatResponseUpdate> Updates(List<(bool Reasoning, string Text)> parts, string responseId)
    {
        foreach (var (reasoning, text) in parts)
        {
            AIContent content = reasoning ? new TextReasoningContent(text) : new TextContent(text);
            yield return new ChatResponseUpdate(ChatRole.Assistant, [content]) { ResponseId = responseId, ModelId = Metadata.DefaultModelId };
        }
    }
}
