using System.Text.RegularExpressions;
using ProofCheck.LeanBridge.Syntax;
using ProofCheck.LeanBridge.Syntax.Generated;

namespace ProofCheck.LeanBridge.Extraction;

/// <summary>The Lean code taken from a model's answer, and where it stood in that answer.</summary>
/// <param name="Code">The code itself.</param>
/// <param name="FirstLine">The 1-based line of the answer on which <paramref name="Code"/> begins (for mapping messages back).</param>
/// <param name="Source">"fence" when taken from a ```lean block, "plain" when the whole answer was Lean.</param>
public sealed record ExtractedLean(string Code, int FirstLine, string Source)
{
    /// <summary>The answer's line for a line of <see cref="Code"/>.</summary>
    public int ToAnswerLine(int codeLine) => codeLine + FirstLine - 1;
}

/// <summary>Why nothing usable was found; the message is meant for the user (and for a repair prompt).</summary>
public sealed class NoLeanCodeException(string message) : Exception(message);

/// <summary>
/// Finds the Lean code in Markdown model output: the last complete ```lean (or ```lean4) block by default, else the
/// last complete untagged block, else the whole text when it has no fence at all.
/// </summary>
public static partial class LeanExtraction
{
    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})\s*(?<info>[^`\s]*)[^`]*$")]
    private static partial Regex FenceOpen();

    public static ExtractedLean Extract(string answer, bool firstBlock = false)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var lines = answer.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        // A Lean file whose doc comment shows a ```lean example is still one Lean file: fences inside comments are text.
        var inComment = CoveredLines(string.Join('\n', lines), strings: false);
        var blocks = new List<(string Info, int FirstLine, string Code)>();
        var sawFence = false;
        string? unclosedInfo = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var open = FenceOpen().Match(lines[i]);
            if (!open.Success || inComment.Contains(i))
            {
                continue;
            }

            sawFence = true;
            var fence = open.Groups["fence"].Value;
            var info = open.Groups["info"].Value.ToLowerInvariant();
            var close = -1;
            // Inside a Lean block, a fence line within a Lean comment or string (a doc comment's example) does not close it.
            var inLean = LeanTarget.IsFence(info) ? CoveredLines(string.Join('\n', lines[(i + 1)..]), strings: true) : [];
            for (var j = i + 1; j < lines.Length; j++)
            {
                var t = lines[j].TrimStart(' ');
                if (inLean.Contains(j - i - 1))
                {
                    continue;
                }

                if (lines[j].Length - t.Length <= 3 && t.StartsWith(fence[..3], StringComparison.Ordinal) && t.TrimEnd().Trim(fence[0]).Length == 0 && t.TrimEnd().Length >= fence.Length)
                {
                    close = j;
                    break;
                }
            }

            if (close < 0)
            {
                unclosedInfo = info;
                break;
            }

            blocks.Add((info, i + 2, string.Join('\n', lines[(i + 1)..close])));
            i = close;
        }

        var lean = blocks.Where(b => LeanTarget.IsFence(b.Info)).ToList();
        var chosen = lean.Count > 0 ? lean : blocks.Where(b => b.Info.Length == 0).ToList();
        if (chosen.Count > 0)
        {
            var block = firstBlock ? chosen[0] : chosen[^1];
            if (string.IsNullOrWhiteSpace(block.Code))
            {
                throw new NoLeanCodeException($"The ```lean block at line {block.FirstLine - 1} is empty.");
            }

            return new ExtractedLean(block.Code, block.FirstLine, "fence");
        }

        if (LeanTarget.IsFence(unclosedInfo))
        {
            throw new NoLeanCodeException("The answer's ```lean block is never closed (was the output cut off?); no complete Lean code was found.");
        }

        if (sawFence)
        {
            throw new NoLeanCodeException(
                $"The answer has fenced code, but no ```lean block{(blocks.Count > 0 ? " (found: " + string.Join(", ", blocks.Select(b => b.Info.Length == 0 ? "untagged" : b.Info).Distinct()) + ")" : string.Empty)}.");
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            throw new NoLeanCodeException("The answer is empty: there is no Lean code to check.");
        }

        return new ExtractedLean(answer.Replace("\r\n", "\n", StringComparison.Ordinal), 1, "plain");
    }

    /// <summary>0-based lines of <paramref name="text"/> that begin inside a Lean comment (or string) spanning lines.</summary>
    private static HashSet<int> CoveredLines(string text, bool strings)
    {
        var covered = new HashSet<int>();
        foreach (var t in LeanSyntax.Lex(text))
        {
            if (t.EndLine > t.Line && (t.Type is Lean4Lexer.BLOCK_COMMENT or Lean4Lexer.DOC_COMMENT or Lean4Lexer.MOD_DOC || (strings && t.IsStringLike)))
            {
                for (var line = t.Line + 1; line <= t.EndLine; line++)
                {
                    covered.Add(line - 1);
                }
            }
        }

        return covered;
    }
}
