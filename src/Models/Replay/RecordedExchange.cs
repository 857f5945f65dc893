using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace ProofCheck.Models.Replay;

/// <summary>One line of a replay file: a request and the answer a model gave to it.</summary>
/// <param name="Key">The request's <see cref="RequestFingerprint"/>; written for people who grep, recomputed on load.</param>
public sealed record RecordedExchange(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("request")] RecordedRequest Request,
    [property: JsonPropertyName("response")] RecordedResponse Response);

/// <summary>The parts of a request that decide the answer.</summary>
public sealed record RecordedRequest(
    [property: JsonPropertyName("messages")] IReadOnlyList<RecordedMessage> Messages,
    [property: JsonPropertyName("options")] RecordedOptions? Options)
{
    public static RecordedRequest From(IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        new([.. messages.Select(m => new RecordedMessage(m.Role.Value, RequestFingerprint.Text(m)))], RecordedOptions.From(options));

    public IReadOnlyList<ChatMessage> ToMessages() =>
        [.. Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Text))];
}

public sealed record RecordedMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("text")] string Text);

public sealed record RecordedOptions(
    [property: JsonPropertyName("temperature")] float? Temperature = null,
    [property: JsonPropertyName("topP")] float? TopP = null,
    [property: JsonPropertyName("topK")] int? TopK = null,
    [property: JsonPropertyName("minP")] float? MinP = null,
    [property: JsonPropertyName("repetitionPenalty")] float? RepetitionPenalty = null,
    [property: JsonPropertyName("frequencyPenalty")] float? FrequencyPenalty = null,
    [property: JsonPropertyName("presencePenalty")] float? PresencePenalty = null,
    [property: JsonPropertyName("seed")] long? Seed = null,
    [property: JsonPropertyName("maxOutputTokens")] int? MaxOutputTokens = null,
    [property: JsonPropertyName("stop")] IReadOnlyList<string>? Stop = null,
    [property: JsonPropertyName("responseFormat")] string? ResponseFormat = null,
    [property: JsonPropertyName("grammar")] string? Grammar = null)
{
    public static RecordedOptions? From(ChatOptions? o)
    {
        if (o is null)
        {
            return null;
        }

        var recorded = new RecordedOptions(
            o.Temperature,
            o.TopP,
            o.TopK,
            ChatOptionKeys.Get<float>(o, ChatOptionKeys.MinP),
            ChatOptionKeys.Get<float>(o, ChatOptionKeys.RepetitionPenalty),
            o.FrequencyPenalty,
            o.PresencePenalty,
            o.Seed,
            o.MaxOutputTokens,
            o.StopSequences is { Count: > 0 } s ? [.. s] : null,
            Describe(o.ResponseFormat),
            ChatOptionKeys.GetString(o, ChatOptionKeys.Grammar));
        return recorded == Empty ? null : recorded;
    }

    public ChatOptions ToChatOptions()
    {
        var o = new ChatOptions
        {
            Temperature = Temperature,
            TopP = TopP,
            TopK = TopK,
            FrequencyPenalty = FrequencyPenalty,
            PresencePenalty = PresencePenalty,
            Seed = Seed,
            MaxOutputTokens = MaxOutputTokens,
            StopSequences = Stop is null ? null : [.. Stop],
        };
        if (MinP is not null || RepetitionPenalty is not null || Grammar is not null)
        {
            o.AdditionalProperties = [];
            if (MinP is { } minP)
            {
                o.AdditionalProperties[ChatOptionKeys.MinP] = minP;
            }

            if (RepetitionPenalty is { } rp)
            {
                o.AdditionalProperties[ChatOptionKeys.RepetitionPenalty] = rp;
            }

            if (Grammar is not null)
            {
                o.AdditionalProperties[ChatOptionKeys.Grammar] = Grammar;
            }
        }

        return o;
    }

    // Records compare lists by reference; an options object with nothing set never has a list, so this is exact.
    private static readonly RecordedOptions Empty = new();

    private static string? Describe(ChatResponseFormat? format) => format switch
    {
        null => null,
        ChatResponseFormatText => "text",
        ChatResponseFormatJson { Schema: null } => "json",
        ChatResponseFormatJson j => "json:" + j.Schema.Value.GetRawText(),
        _ => format.GetType().Name,
    };
}

/// <summary>What the model said. <see cref="Reasoning"/> (thinking) is kept apart from <see cref="Text"/>.</summary>
public sealed record RecordedResponse(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("reasoning")] string? Reasoning = null,
    [property: JsonPropertyName("finishReason")] string? FinishReason = null,
    [property: JsonPropertyName("modelId")] string? ModelId = null,
    [property: JsonPropertyName("usage")] RecordedUsage? Usage = null)
{
    public static RecordedResponse From(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new RecordedResponse(
            response.Text,
            ReasoningText.Of(response),
            response.FinishReason?.Value,
            response.ModelId,
            response.Usage is { } u ? new RecordedUsage(u.InputTokenCount, u.OutputTokenCount, u.TotalTokenCount) : null);
    }

    public ChatResponse ToChatResponse()
    {
        var message = new ChatMessage(ChatRole.Assistant, []);
        if (!string.IsNullOrEmpty(Reasoning))
        {
            message.Contents.Add(new TextReasoningContent(Reasoning));
        }

        message.Contents.Add(new TextContent(Text));
        return new ChatResponse(message)
        {
            FinishReason = FinishReason is null ? null : new ChatFinishReason(FinishReason),
            ModelId = ModelId,
            Usage = Usage?.ToUsageDetails(),
        };
    }
}

public sealed record RecordedUsage(
    [property: JsonPropertyName("inputTokens")] long? InputTokens,
    [property: JsonPropertyName("outputTokens")] long? OutputTokens,
    [property: JsonPropertyName("totalTokens")] long? TotalTokens)
{
    public UsageDetails ToUsageDetails() => new()
    {
        InputTokenCount = InputTokens,
        OutputTokenCount = OutputTokens,
        TotalTokenCount = TotalTokens,
    };
}
