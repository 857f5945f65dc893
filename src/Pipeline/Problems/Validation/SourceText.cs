using System.Text;

namespace ProofCheck.Pipeline.Problems.Validation;

/// <summary>
/// Removes comments from Coq and Lean sources (keeping line breaks, so positions stay meaningful) before the
/// shape checks look for keywords: a word inside a comment must neither count nor hide anything.
/// </summary>
internal static class SourceText
{
    /// <summary>Coq: nested <c>(* … *)</c> comments; string literals are kept as they are.</summary>
    public static string WithoutCoqComments(string text) => Strip(text, "(*", "*)", lineComment: null);

    /// <summary>Lean: nested <c>/- … -/</c> block comments (doc comments included) and <c>--</c> line comments.</summary>
    public static string WithoutLeanComments(string text) => Strip(text, "/-", "-/", lineComment: "--");

    private static string Strip(string text, string open, string close, string? lineComment)
    {
        var result = new StringBuilder(text.Length);
        var depth = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (depth == 0 && c == '"')
            {
                inString = !inString;
                result.Append(c);
                continue;
            }

            if (inString)
            {
                result.Append(c);
                continue;
            }

            if (Matches(text, i, open))
            {
                depth++;
                i += open.Length - 1;
                result.Append(' ');
                continue;
            }

            if (depth > 0 && Matches(text, i, close))
            {
                depth--;
                i += close.Length - 1;
                result.Append(' ');
                continue;
            }

            if (depth == 0 && lineComment is not null && Matches(text, i, lineComment))
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                result.Append('\n');
                continue;
            }

            result.Append(depth > 0 && c != '\n' ? ' ' : c);
        }

        return result.ToString();
    }

    private static bool Matches(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
