using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAiChatMessage = OpenAI.Chat.ChatMessage;

namespace ProofCheck.Models.OpenAi;

/// <summary>Translates between Microsoft.Extensions.AI types and the OpenAI package's.</summary>
internal static class OpenAiMapping
{
    public static List<OpenAiChatMessage> Messages(IEnumerable<AiChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = new List<OpenAiChatMessage>();
        foreach (var m in messages)
        {
            var text = Replay.RequestFingerprint.Text(m);
            list.Add(m.Role.Value switch
            {
                "system" => new SystemChatMessage(text),
                "assistant" => new AssistantChatMessage(text),
                "user" => new UserChatMessage(text),
                var other => throw new ModelException($"The OpenAI-compatible backend cannot send a message with role \"{other}\"."),
            });
        }

        return list;
    }

    public static ChatCompletionOptions Options(ChatOptions? options)
    {
        var o = new ChatCompletionOptions();
        if (options is null)
        {
            return o;
        }

        if (ChatOptionKeys.GetString(options, ChatOptionKeys.Grammar) is { Length: > 0 })
        {
            throw new ModelException(
                "The OpenAI-compatible backend cannot constrain answers with a GBNF grammar.",
                "Use the embedded llama.cpp backend (a .gguf path) for grammar-constrained output.");
        }

        o.Temperature = options.Temperature;
        o.TopP = options.TopP;
        o.MaxOutputTokenCount = options.MaxOutputTokens;
        o.FrequencyPenalty = options.FrequencyPenalty;
        o.PresencePenalty = options.PresencePenalty;
#pragma warning disable OPENAI001 // Seed is marked experimental by the package but is part of the wire format every compatible server reads.
        o.Seed = options.Seed;
#pragma warning restore OPENAI001
        if (options.StopSequences is { Count: > 0 } stops)
        {
            foreach (var s in stops)
            {
                o.StopSequences.Add(s);
            }
        }

        return o;
    }

    public static Microsoft.Extensions.AI.ChatFinishReason? Finish(OpenAI.Chat.ChatFinishReason reason) => reason switch
    {
        OpenAI.Chat.ChatFinishReason.Stop => Microsoft.Extensions.AI.ChatFinishReason.Stop,
        OpenAI.Chat.ChatFinishReason.Length => Microsoft.Extensions.AI.ChatFinishReason.Length,
        OpenAI.Chat.ChatFinishReason.ContentFilter => Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
        OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
        _ => null,
    };

    public static UsageDetails? Usage(ChatTokenUsage? usage) => usage is null
        ? null
        : new UsageDetails
        {
            InputTokenCount = usage.InputTokenCount,
            OutputTokenCount = usage.OutputTokenCount,
            TotalTokenCount = usage.TotalTokenCount,
            ReasoningTokenCount = usage.OutputTokenDetails?.ReasoningTokenCount,
        };
}
