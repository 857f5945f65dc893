using ProofCheck.Pipeline.Store;

namespace ProofCheck.Pipeline.Loop;

/// <summary>Says whether a model answer is finished before anything reads it as a proof or as code.</summary>
public static class AnswerCheck
{
    /// <summary>
    /// The most characters one token can plausibly stand for. Tokenizers average about four characters a token and
    /// their longest pieces are a few dozen; an answer longer than this many characters per allowed token was not
    /// limited by the server at all.
    /// </summary>
    public const int MaxCharsPerToken = 32;

    public static AnswerStatus Classify(string answer, string? finishReason, long outputTokens, int maxTokens)
    {
        if (outputTokens > maxTokens || answer.Length > (long)maxTokens * MaxCharsPerToken)
        {
            return AnswerStatus.Oversized;
        }

        if (string.Equals(finishReason, "length", StringComparison.OrdinalIgnoreCase))
        {
            return AnswerStatus.Truncated;
        }

        return string.IsNullOrWhiteSpace(SampleRunner.FinalProof(answer)) ? AnswerStatus.Empty : AnswerStatus.Complete;
    }

    /// <summary>
    /// The numbered steps of an NL proof ("1.", "2)", "Step 3"), so a report can set them beside the number of formal
    /// obligations: a four-step proof covered by one obligation is then visible.
    /// </summary>
    public static int NumberedSteps(string answer) =>
        System.Text.RegularExpressions.Regex.Count(SampleRunner.FinalProof(answer), @"^\s*(?:\d+[.)]|step\s+\d+\b)", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>How a report says it: "answer truncated at the token limit" and so on.</summary>
    public static string Describe(AnswerStatus status) => status switch
    {
        AnswerStatus.Truncated => "answer truncated at the token limit",
        AnswerStatus.Empty => "empty answer",
        AnswerStatus.Oversized => "oversized answer (the server ignored the token limit)",
        _ => "complete answer",
    };
}
