using Microsoft.Extensions.AI;

namespace ProofCheck.Models.OpenAi;

/// <summary>
/// What this program sends an OpenAI-compatible server: plain-text messages in the three roles the API has, and
/// only the standard sampling options. Microsoft.Extensions.AI.OpenAI turns them into the wire format.
/// </summary>
internal static class OpenAiMapping
{
    public static List<ChatMessage> Messages(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = new List<ChatMessage>();
        foreach (var m in messages)
        {
            if (m.Role != ChatRole.System && m.Role != ChatRole.User && m.Role != ChatRole.Assistant)
            {
                throw new ModelException($"The OpenAI-compatible backend cannot send a message with role \"{m.Role.Value}\".");
            }

            // Text only: earlier reasoning is never sent back, as the reasoning servers ask.
            list.Add(new ChatMessage(m.Role, Replay.RequestFingerprint.Text(m)));
        }

        return list;
    }

    public static ChatOptions? Options(ChatOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        if (ChatOptionKeys.GetString(options, ChatOptionKeys.Grammar) is { Length: > 0 })
        {
            throw new ModelException(
                "The OpenAI-compatible backend cannot constrain answers with a GBNF grammar.",
                "Use the embedded llama.cpp backend (a .gguf path) for grammar-constrained output.");
        }

        // A fresh options object: this program's own keys (min-p, repetition penalty) are not OpenAI parameters.
        return new ChatOptions
        {
            Temperature = options.Temperature,
            TopP = options.TopP,
            MaxOutputTokens = options.MaxOutputTokens,
            FrequencyPenalty = options.FrequencyPenalty,
            PresencePenalty = options.PresencePenalty,
            Seed = options.Seed,
            StopSequences = options.StopSequences is { Count: > 0 } stops ? [.. stops] : null,
        };
    }
}
