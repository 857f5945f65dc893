using System.Text;

namespace ProofCheck.Core;

/// <summary>One fenced code block of a model's Markdown answer.</summary>
/// <param name="Language">The first word of the info string, lower-case ("" for an untagged block).</param>
/// <param name="Code">The block's lines, each ending in a line break ("" for an empty block).</param>
/// <param name="LineOffset">
/// Lines of the answer before the block's first code line, which is also the 1-based line of the opening fence: a
/// checker adds it to a 1-based line of <paramref name="Code"/> to point at the line the model wrote.
/// </param>
/// <param name="Closed">False when the answer ends before the closing fence (an answer cut off mid-block).</param>
public sealed record FencedBlock(string Language, string Code, int LineOffset, bool Closed)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Code);
}

/// <summary>
/// The lines (0-based) of <paramref name="text"/> that begin inside a multi-line comment or string of
/// <paramref name="language"/>; a fence on such a line is text. <paramref name="language"/> is null for the answer
/// itself (a whole answer can be one source file whose doc comment shows a fenced example). Null: no such lines.
/// </summary>
public delegate IReadOnlySet<int>? LiteralLines(string? language, string text);

/// <summary>What a checker takes from an answer: code and where it stood, or why there is nothing to check.</summary>
/// <param name="Code">The code to check (null when <paramref name="Problem"/> says why there is none).</param>
/// <param name="LineOffset">Lines of the answer before the code's first line.</param>
/// <param name="Origin">Where the code came from, for people ("```coq block at line 7", "plain text").</param>
/// <param name="Problem">Why nothing usable was found, as a sentence fragment for the user and the repair prompt.</param>
public sealed record FenceChoice(string? Code, int LineOffset, string Origin, string? Problem);

/// <summary>
/// The one reader of fenced code blocks (``` or ~~~) in model answers, used by every checker and by the run loop so
/// that <c>check coq answer.md</c> and the same answer inside a run see the same blocks. CommonMark's rules: an opening
/// fence is indented at most 3 spaces; a block closes only at a line of the same fence character, at least as long,
/// indented at most 3 spaces, with nothing after it but spaces; an unclosed block runs to the end of the answer.
/// </summary>
public static class Fences
{
    public static IReadOnlyList<FencedBlock> Read(string answer, LiteralLines? literalLines = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = answer.ReplaceLineEndings("\n");
        var lines = text.Split('\n');
        var outside = literalLines?.Invoke(null, text);
        var blocks = new List<FencedBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (outside?.Contains(i) == true || !TryOpen(lines[i], out var fenceChar, out var fenceLength, out var language))
            {
                continue;
            }

            var inside = literalLines?.Invoke(language, string.Join('\n', lines[(i + 1)..]));
            var code = new StringBuilder();
            var j = i + 1;
            for (; j < lines.Length && (inside?.Contains(j - i - 1) == true || !IsClose(lines[j], fenceChar, fenceLength)); j++)
            {
                code.Append(lines[j]).Append('\n');
            }

            blocks.Add(new FencedBlock(language, code.ToString(), i + 1, j < lines.Length));
            i = j;
        }

        return blocks;
    }

    /// <summary>
    /// The code a checker for one language takes: the last (or first) complete, non-empty block tagged with one of
    /// <paramref name="languages"/>, else the last complete untagged one, else the whole answer when it has no fence.
    /// An empty, unclosed or missing block is a <see cref="FenceChoice.Problem"/>, never code to check.
    /// <paramref name="fence"/> is the tag the messages ask for ("coq"), <paramref name="name"/> the language's name ("Coq").
    /// </summary>
    public static FenceChoice Choose(string answer, string fence, string name, IReadOnlySet<string> languages, bool first = false, LiteralLines? literalLines = null)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var blocks = Read(answer, literalLines);
        if (blocks.Count == 0)
        {
            return string.IsNullOrWhiteSpace(answer)
                ? new FenceChoice(null, 0, "empty answer", $"the answer is empty: there is no {name} code to check")
                : new FenceChoice(answer.ReplaceLineEndings("\n"), 0, "plain text (no Markdown fence)", null);
        }

        var complete = blocks.Where(b => b.Closed).ToList();
        var tagged = complete.Where(b => languages.Contains(b.Language)).ToList();
        var candidates = tagged.Count > 0 ? tagged : complete.Where(b => b.Language.Length == 0).ToList();
        var usable = candidates.Where(b => !b.IsEmpty).ToList();
        if (usable.Count > 0)
        {
            var block = first ? usable[0] : usable[^1];
            return new FenceChoice(block.Code, block.LineOffset, $"```{block.Language} block at line {block.LineOffset}", null);
        }

        if (candidates.Count > 0)
        {
            var empty = candidates[^1];
            return new FenceChoice(null, 0, "empty block", $"the ```{empty.Language} block at line {empty.LineOffset} is empty: there is no {name} code to check");
        }

        if (blocks[^1] is { Closed: false } open && (languages.Contains(open.Language) || open.Language.Length == 0))
        {
            return new FenceChoice(null, 0, "unclosed block",
                $"the ```{open.Language} block opened on line {open.LineOffset} is never closed (was the answer cut off?), so there is no complete {name} code");
        }

        var found = string.Join(", ", blocks.Select(b => b.Language.Length == 0 ? "untagged" : b.Language).Distinct());
        return new FenceChoice(null, 0, "no block", $"no complete ```{fence} block found in the answer (found: {found})");
    }

    private static bool TryOpen(string line, out char fenceChar, out int fenceLength, out string language)
    {
        fenceChar = '\0';
        fenceLength = 0;
        language = string.Empty;
        var indent = line.Length - line.TrimStart(' ').Length;
        if (indent > 3)
        {
            return false;
        }

        var rest = line[indent..];
        if (rest.Length < 3 || (rest[0] != '`' && rest[0] != '~'))
        {
            return false;
        }

        fenceChar = rest[0];
        while (fenceLength < rest.Length && rest[fenceLength] == fenceChar)
        {
            fenceLength++;
        }

        if (fenceLength < 3)
        {
            return false;
        }

        // A backtick fence's info string may not hold a backtick (that line is inline code, not a fence).
        var info = rest[fenceLength..].Trim();
        if (fenceChar == '`' && info.Contains('`', StringComparison.Ordinal))
        {
            return false;
        }

        language = info.Split([' ', '\t', '{'], 2)[0].ToLowerInvariant();
        return true;
    }

    private static bool IsClose(string line, char fenceChar, int fenceLength)
    {
        // Indented 4 spaces or more, a fence line is code (CommonMark), e.g. a fence shown inside an indented example.
        var indent = line.Length - line.TrimStart(' ').Length;
        var trimmed = line.Trim();
        return indent <= 3 && trimmed.Length >= fenceLength && trimmed.All(c => c == fenceChar);
    }
}
