using System.Runtime.CompilerServices;
using System.Text;
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

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();

        // Native work is synchronous; leave the caller's thread before the prompt decode.
        await Task.Yield();
        var outcome = new Outcome();
        var answer = new StringBuilder();
        var reasoning = new StringBuilder();
        foreach (var (isReasoning, text) in Generate([.. messages], options, outcome, cancellationToken))
        {
            (isReasoning ? reasoning : answer).Append(text);
        }

        var message = new ChatMessage(ChatRole.Assistant, []);
        if (reasoning.Length > 0)
        {
            message.Contents.Add(new TextReasoningContent(reasoning.ToString()));
        }

        message.Contents.Add(new TextContent(answer.ToString()));
        return new ChatResponse(message)
        {
            FinishReason = outcome.Finish,
            ModelId = Metadata.DefaultModelId,
            ResponseId = Guid.NewGuid().ToString("N"),
            Usage = outcome.Usage,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        await Task.Yield();
        var outcome = new Outcome();
        var responseId = Guid.NewGuid().ToString("N");
        foreach (var (isReasoning, text) in Generate([.. messages], options, outcome, cancellationToken))
        {
            AIContent content = isReasoning ? new TextReasoningContent(text) : new TextContent(text);
            yield return new ChatResponseUpdate(ChatRole.Assistant, [content]) { ResponseId = responseId, ModelId = Metadata.DefaultModelId };
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(outcome.Usage)])
        {
            FinishReason = outcome.Finish,
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

    // The decode loop, shared by both entry points: yields (isReasoning, text) pieces as they become certain.
    private IEnumerable<(bool Reasoning, string Text)> Generate(List<ChatMessage> messages, ChatOptions? options, Outcome outcome, CancellationToken cancellationToken)
    {
        var prompt = LlamaChatTemplate.Apply(model, this.options.Template, messages);
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
        var stops = new StopStringMatcher(options?.StopSequences?.ToList());
        // Reasoning templates (QwQ, DeepSeek-R1) open the <think> block in the prompt; the answer then starts inside it.
        var think = new ThinkTagSplitter(startsInThinking: prompt.TrimEnd().EndsWith("<think>", StringComparison.Ordinal));
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
            if (shown.Length > 0)
            {
                foreach (var part in think.Push(shown))
                {
                    yield return part;
                }
            }

            if (stops.Stopped)
            {
                finish = ChatFinishReason.Stop;
                break;
            }

            session.Decode(token, cancellationToken);
        }

        foreach (var part in think.Push(stops.Flush()).Concat(think.Flush()))
        {
            yield return part;
        }

        outcome.Finish = finish;
        outcome.Usage = new UsageDetails
        {
            InputTokenCount = promptTokens.Length,
            OutputTokenCount = generated,
            TotalTokenCount = promptTokens.Length + generated,
        };
    }

    private sealed class Outcome
    {
        public ChatFinishReason? Finish { get; set; }

        public UsageDetails Usage { get; set; } = new();
    }
}
