using System.Text;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Pipeline.Loop;

/// <summary>One fenced code block of a Markdown answer: its language (the first word after the fence) and its text.</summary>
internal sealed record CodeBlock(string Language, string Code);

/// <summary>
/// Finds fenced code blocks (``` or ~~~, CommonMark rules for opening and closing) in a model's Markdown answer.
/// The checkers parse the code themselves; this only decides which blocks belong to which target.
/// </summary>
internal static class CodeBlocks
{
    /// <summary>The fence language each target's artifacts use: the first its descriptor lists.</summary>
    public static string FenceFor(string target) => CheckTargets.Get(target).FenceLanguages[0];

    public static string? TargetOf(string language) => CheckTargets.OfFence(language)?.Name;

    public static IReadOnlyList<CodeBlock> Find(string markdown)
    {
        var blocks = new List<CodeBlock>();
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!TryOpen(lines[i], out var fenceChar, out var fenceLength, out var language))
            {
                continue;
            }

            var code = new StringBuilder();
            var j = i + 1;
            for (; j < lines.Length && !IsClose(lines[j], fenceChar, fenceLength); j++)
            {
                code.Append(lines[j]).Append('\n');
            }

            // An unclosed block (an answer cut off by the token limit) still counts: the checker will judge it.
            blocks.Add(new CodeBlock(language, code.ToString()));
            i = j;
        }

        return blocks;
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

        var info = rest[fenceLength..].Trim();
        if (fenceChar == '`' && info.Contains('`', StringComparison.Ordinal))
        {
            return false;
        }

        language = info.Split([' ', '\t', '{'], 2)[0];
        return true;
    }

    private static bool IsClose(string line, char fenceChar, int fenceLength)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fenceLength && trimmed.All(c => c == fenceChar);
    }
}
