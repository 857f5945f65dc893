using ProofCheck.Core;
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
/// Finds the Lean code in Markdown model output with the one fence reader (<see cref="Fences.Choose"/>): the last
/// complete, non-empty ```lean (or ```lean4) block by default, else the last complete untagged block, else the whole
/// text when it has no fence at all. Lean's own comments and strings are text to the reader (<see cref="LiteralLines"/>).
/// </summary>
public static class LeanExtraction
{
    private static readonly HashSet<string> LeanLabels = new(LeanTarget.Descriptor.FenceLanguages, StringComparer.Ordinal);

    public static ExtractedLean Extract(string answer, bool firstBlock = false)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var choice = Fences.Choose(answer, "lean", "Lean", LeanLabels, firstBlock, LiteralLines);
        if (choice.Code is null)
        {
            throw new NoLeanCodeException(char.ToUpperInvariant(choice.Problem![0]) + choice.Problem[1..] + ".");
        }

        // A block's code ends in a line break of its own; the Lean code is its lines, as the messages count them.
        return choice.LineOffset == 0
            ? new ExtractedLean(choice.Code, 1, "plain")
            : new ExtractedLean(choice.Code[..^1], choice.LineOffset + 1, "fence");
    }

    /// <summary>
    /// A Lean file whose doc comment shows a ```lean example is still one Lean file, and inside a Lean block a fence
    /// line within a Lean comment or string (a doc comment's example) does not close it.
    /// </summary>
    public static IReadOnlySet<int>? LiteralLines(string? language, string text) => language switch
    {
        null => CoveredLines(text, strings: false),
        "lean" or "lean4" => CoveredLines(text, strings: true),
        _ => null,
    };

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
