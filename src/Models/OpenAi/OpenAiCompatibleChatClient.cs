using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.Retry;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;
using AiFinishReason = Microsoft.Extensions.AI.ChatFinishReason;

namespace ProofCheck.Models.OpenAi;

/// <summary>
/// <see cref="IChatClient"/> for any server speaking OpenAI's chat-completions API (llama.cpp server, vLLM,
/// LM Studio, hosted APIs): Microsoft.Extensions.AI.OpenAI's client over the official OpenAI package does the
/// mapping and the wire format; this wrapper keeps what servers other than OpenAI's need. Transient failures (429, 5xx, connection resets,
/// timeouts) are retried with exponential backoff and jitter, honouring Retry-After; a stream is retried only
/// before its first token. Reasoning — a separate reasoning field or <c>&lt;think&gt;</c> text — comes back as
/// <see cref="TextReasoningContent"/>, never inside the answer's text. Odd servers get a clear error or a working
/// answer instead of an empty one: no choices, a body that is not JSON, a stream request answered as one JSON body.
/// </summary>
public sealed class OpenAiCompatibleChatClient : IChatClient
{
    private static readonly ModelReaderWriterOptions WireFormat = new("J");
    private readonly OpenAiEndpoint endpoint;
    private readonly IChatClient chat;
    private readonly ResiliencePipeline retry;
    private readonly ILogger logger;

    public OpenAiCompatibleChatClient(OpenAiEndpoint endpoint, ILogger? logger = null)
    {
        this.endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        this.logger = logger ?? NullLogger.Instance;
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint.BaseUrl,
            NetworkTimeout = System.Threading.Timeout.InfiniteTimeSpan,

            // Retries are ours (below), so the package's own policy must not multiply them.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };

        // Local servers need no key, but the package insists on one; a placeholder is sent and ignored by them.
        chat = new ChatClient(endpoint.Model, new ApiKeyCredential(endpoint.ReadApiKey() ?? "no-key"), options).AsIChatClient();
        retry = endpoint.MaxRetries <= 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(OpenAiErrors.IsTransient),
                MaxRetryAttempts = endpoint.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = endpoint.RetryDelay,
                MaxDelay = endpoint.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    OpenAiErrors.RetryAfter(args.Outcome.Exception!) is { } wait ? (TimeSpan?)(wait < endpoint.MaxRetryDelay ? wait : endpoint.MaxRetryDelay) : null),
                OnRetry = args =>
                {
                    this.logger.LogWarning("{Endpoint}: attempt {Attempt} failed ({Reason}); retrying in {Delay}", endpoint, args.AttemptNumber + 1, args.Outcome.Exception?.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        Metadata = new ChatClientMetadata("openai-compatible", endpoint.BaseUrl, endpoint.Model);
    }

    public ChatClientMetadata Metadata { get; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = OpenAiMapping.Messages(messages);
        var settings = OpenAiMapping.Options(options);
        var attempts = 0;
        ChatResponse response;
        try
        {
            response = await retry.ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    using var perAttempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    perAttempt.CancelAfter(endpoint.Timeout);
                    try
                    {
                        return await chat.GetResponseAsync(request, settings, perAttempt.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        throw new TimeoutException();
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ModelException)
        {
            throw OpenAiErrors.Explain(e, endpoint, attempts);
        }

        var (thought, answer) = ThinkTagSplitter.SplitWhole(response.Text);
        var field = Reasoning(response.Messages.SelectMany(m => m.Contents)) ?? ReasoningField(Wire(response.RawRepresentation), "message");
        var reasoning = string.Join("\n", new[] { field, thought }.Where(r => !string.IsNullOrEmpty(r)));
        var message = new AiChatMessage(AiChatRole.Assistant, []);
        if (reasoning.Length > 0)
        {
            message.Contents.Add(new TextReasoningContent(reasoning));
        }

        message.Contents.Add(new TextContent(answer));
        return new ChatResponse(message)
        {
            ResponseId = response.ResponseId,
            ModelId = response.ModelId,
            CreatedAt = response.CreatedAt,
            FinishReason = response.FinishReason,
            Usage = response.Usage,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = OpenAiMapping.Messages(messages);
        var settings = OpenAiMapping.Options(options);
        var attempts = 0;
        CancellationTokenSource? live = null;
        IAsyncEnumerator<ChatResponseUpdate>? stream = null;
        bool any;
        try
        {
            any = await retry.ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    if (stream is not null)
                    {
                        await stream.DisposeAsync().ConfigureAwait(false);
                    }

                    live?.Dispose();
                    live = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    live.CancelAfter(endpoint.Timeout);
                    stream = chat.GetStreamingResponseAsync(request, settings, live.Token).GetAsyncEnumerator(live.Token);
                    try
                    {
                        var first = await stream.MoveNextAsync().ConfigureAwait(false);
                        live.CancelAfter(System.Threading.Timeout.InfiniteTimeSpan);
                        return first;
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        throw new TimeoutException();
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ModelException)
        {
            live?.Dispose();
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            throw OpenAiErrors.Explain(e, endpoint, attempts);
        }

        if (!any)
        {
            // Not a single event: some servers ignore "stream": true and send the whole answer as one JSON body,
            // which an event-stream reader sees as empty. Asking again without streaming gets the answer.
            await stream!.DisposeAsync().ConfigureAwait(false);
            live!.Dispose();
            var whole = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            foreach (var update in whole.ToChatResponseUpdates())
            {
                yield return update;
            }

            yield break;
        }

        // The first token arrived: from here on the whole answer may take as long as it needs, but each chunk must
        // follow the last within the timeout, so a stalled server cannot hang a run.
        var think = new ThinkTagSplitter();
        try
        {
            while (any)
            {
                var update = stream!.Current;
                var converted = new ChatResponseUpdate
                {
                    Role = AiChatRole.Assistant,
                    ResponseId = update.ResponseId,
                    ModelId = update.ModelId,
                    CreatedAt = update.CreatedAt,
                    FinishReason = update.FinishReason,
                };
                if ((Reasoning(update.Contents) ?? ReasoningField(Wire(update.RawRepresentation), "delta")) is { Length: > 0 } field)
                {
                    converted.Contents.Add(new TextReasoningContent(field));
                }

                foreach (var (reasoning, part) in think.Push(update.Text))
                {
                    converted.Contents.Add(reasoning ? new TextReasoningContent(part) : new TextContent(part));
                }

                foreach (var usage in update.Contents.OfType<UsageContent>())
                {
                    converted.Contents.Add(usage);
                }

                yield return converted;
                any = await NextAsync(stream, live!, cancellationToken).ConfigureAwait(false);
            }

            var rest = think.Flush();
            if (rest.Count > 0)
            {
                yield return new ChatResponseUpdate(AiChatRole.Assistant, [.. rest.Select(p => p.Reasoning ? (AIContent)new TextReasoningContent(p.Text) : new TextContent(p.Text))]);
            }
        }
        finally
        {
            await stream!.DisposeAsync().ConfigureAwait(false);
            live!.Dispose();
        }
    }

    private async Task<bool> NextAsync(IAsyncEnumerator<ChatResponseUpdate> stream, CancellationTokenSource live, CancellationToken cancellationToken)
    {
        live.CancelAfter(endpoint.Timeout);
        try
        {
            var more = await stream.MoveNextAsync().ConfigureAwait(false);

            // The clock runs only while waiting for the server, not while the caller handles a chunk.
            live.CancelAfter(System.Threading.Timeout.InfiniteTimeSpan);
            return more;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModelException($"{endpoint.BaseUrl} stopped sending in the middle of an answer (nothing for {endpoint.Timeout.TotalSeconds:0.#} s).", "Raise the timeout, or check the server.");
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or IOException)
        {
            throw new ModelException($"{endpoint.BaseUrl} broke off the answer: {e.Message}", "Try again; a stream is only retried before its first token.", e);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType?.IsInstanceOfType(this) == true ? this : null;

    public void Dispose() => chat.Dispose();

    // Reasoning the library already recognised, if any (then the wire JSON is not read for it again).
    private static string? Reasoning(IEnumerable<AIContent> contents) =>
        string.Concat(contents.OfType<TextReasoningContent>().Select(r => r.Text)) is { Length: > 0 } text ? text : null;

    // The OpenAI package keeps JSON properties its schema lacks and writes them back out, so the wire form of the
    // raw completion or chunk still holds a server's own reasoning field.
    private static BinaryData? Wire(object? raw) => raw switch
    {
        ChatCompletion c => ModelReaderWriter.Write(c, WireFormat),
        StreamingChatCompletionUpdate u => ModelReaderWriter.Write(u, WireFormat),
        _ => null,
    };

    // Servers put a reasoning model's thinking in a field the OpenAI schema lacks: "reasoning_content" (DeepSeek,
    // vLLM, llama.cpp server) or "reasoning" (Ollama, OpenRouter). Read it from the wire JSON.
    private static string? ReasoningField(BinaryData? json, string part)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0
                || !choices[0].TryGetProperty(part, out var body) || body.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in new[] { "reasoning_content", "reasoning" })
            {
                if (body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // A body that is not JSON has no reasoning field.
        }

        return null;
    }
}
