using Microsoft.Extensions.AI;

namespace ProofCheck.Models;

/// <summary>
/// Options the standard <see cref="ChatOptions"/> has no property for, passed in
/// <see cref="ChatOptions.AdditionalProperties"/> under these keys. Backends that cannot honour one ignore it,
/// except a grammar: a backend without grammar support refuses the request rather than answer unconstrained.
/// </summary>
public static class ChatOptionKeys
{
    /// <summary>A GBNF grammar (string) the answer must match.</summary>
    public const string Grammar = "proofcheck.grammar";

    /// <summary>Min-p sampling threshold (float, 0..1).</summary>
    public const string MinP = "proofcheck.min_p";

    /// <summary>llama.cpp-style repetition penalty (float, 1 = off).</summary>
    public const string RepetitionPenalty = "proofcheck.repetition_penalty";

    internal static T? Get<T>(ChatOptions? options, string key)
        where T : struct
    {
        if (options?.AdditionalProperties is null || !options.AdditionalProperties.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            T t => t,
            IConvertible c => (T)Convert.ChangeType(c, typeof(T), System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    internal static string? GetString(ChatOptions? options, string key) =>
        options?.AdditionalProperties is not null && options.AdditionalProperties.TryGetValue(key, out var value)
            ? value as string
            : null;
}
