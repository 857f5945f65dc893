namespace ProofCheck.Coq.Submission;

/// <summary>
/// The Coq code taken from a model's answer. <see cref="LineOffset"/> is added to a line of <see cref="Code"/>
/// to get the line of the original answer, so every message points at the text the model wrote.
/// </summary>
internal sealed record CoqSource(string Code, int LineOffset, string Origin);

/// <summary>Takes the Coq code out of Markdown: the last complete fenced block labelled coq, or plain Coq when there is no fence.</summary>
internal static class CoqSourceExtractor
{
    private static readonly HashSet<string> CoqLabels = new(CoqTarget.Descriptor.FenceLanguages, StringComparer.OrdinalIgnoreCase);

    /// <summary>The code to check, or null with <paramref name="problem"/> saying why nothing usable was found.</summary>
    public static CoqSource? Extract(string answer, out string? problem)
    {
        var lines = answer.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<(string Label, int FirstLine, int EndLine)>();
        string? openLabel = null;
        string? openFence = null;
        var openAt = -1;
        var sawFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart(' ');
            if (lines[i].Length - trimmed.Length > 3)
            {
                continue;
            }

            var fence = FenceOf(trimmed);
            if (fence is null)
            {
                continue;
            }

            sawFence = true;
            if (openFence is null)
            {
                openFence = fence;
                openLabel = trimmed[fence.Length..].Trim().Split(' ', '{')[0];
                openAt = i;
            }
            else if (trimmed.StartsWith(openFence, StringComparison.Ordinal) && trimmed.Trim().All(c => c == openFence[0]))
            {
                blocks.Add((openLabel!, openAt + 1, i));
                openFence = null;
            }
        }

        if (!sawFence)
        {
            if (string.IsNullOrWhiteSpace(answer))
            {
                problem = "the answer is empty: no Coq code to check";
                return null;
            }

            problem = null;
            return new CoqSource(answer, 0, "plain Coq (no Markdown fence)");
        }

        var coq = blocks.LastOrDefault(b => CoqLabels.Contains(b.Label));
        if (coq == default)
        {
            coq = blocks.LastOrDefault(b => b.Label.Length == 0);
        }

        if (coq == default)
        {
            problem = openFence is not null && CoqLabels.Contains(openLabel ?? string.Empty)
                ? $"the ```{openLabel} block opened on line {openAt + 1} is never closed"
                : "no complete ```coq block found in the answer";
            return null;
        }

        problem = null;
        var code = string.Join('\n', lines[coq.FirstLine..coq.EndLine]) + "\n";
        return new CoqSource(code, coq.FirstLine, $"```{coq.Label} block at line {coq.FirstLine}");
    }

    private static string? FenceOf(string line)
    {
        foreach (var c in new[] { '`', '~' })
        {
            var n = 0;
            while (n < line.Length && line[n] == c)
            {
                n++;
            }

            if (n >= 3)
            {
                return line[..n];
            }
        }

        return null;
    }
}
