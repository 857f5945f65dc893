using System.Text;
using System.Text.RegularExpressions;
using ProofCheck.Coq.Syntax;

namespace ProofCheck.Coq.Running;

/// <summary>
/// Compares the audit's sentence split with coqc's own: <c>coqc -time</c> prints one line per sentence it ran,
/// <c>Chars 129 - 153 [Definition~z~:=~1~.(*~2.] 0.001 secs</c>, with UTF-8 byte offsets into the file. Any
/// difference means some text was code to one reader and not to the other, so nothing the audit said about the
/// file can be trusted. A submission that prints look-alike lines itself only adds entries and is refused too.
/// </summary>
internal static partial class SentenceAgreement
{
    [GeneratedRegex(@"^Chars (?<start>\d+) - (?<end>\d+) \[", RegexOptions.Multiline)]
    private static partial Regex TimeLine();

    /// <summary>The byte ranges of the sentences coqc reported, in the order it ran them.</summary>
    public static IReadOnlyList<(int Start, int End)> CoqcRanges(string timedOutput) =>
        TimeLine().Matches(timedOutput.ReplaceLineEndings("\n"))
            .Select(m => (int.Parse(m.Groups["start"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["end"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>
    /// Null when coqc ran exactly the audit's sentences; otherwise where the readings part, for the report.
    /// </summary>
    public static string? FirstDifference(string code, IReadOnlyList<CoqSentence> sentences, string timedOutput, int lineOffset = 0)
    {
        var bytes = ByteOffsets(code);
        var audit = sentences.Select(s => (Start: bytes[s.Start], End: bytes[s.EndOfCode])).ToList();
        var coqc = CoqcRanges(timedOutput);
        for (var i = 0; i < Math.Max(audit.Count, coqc.Count); i++)
        {
            if (i < audit.Count && i < coqc.Count && audit[i] == coqc[i])
            {
                continue;
            }

            var at = i < coqc.Count ? CharOffset(bytes, coqc[i].Start) : i < audit.Count ? sentences[i].Start : code.Length;
            var line = 1 + code.AsSpan(0, Math.Min(at, code.Length)).Count('\n') + lineOffset;
            var coqcSaw = i < coqc.Count ? $"coqc ran '{Excerpt(code, bytes, coqc[i])}'" : "coqc ran no further sentence";
            var auditSaw = i < audit.Count ? $"the audit read '{Excerpt(code, bytes, audit[i])}'" : "the audit read no further sentence";
            return $"the audit and Coq split this file differently at line {line}: {coqcSaw}, {auditSaw}";
        }

        return null;
    }

    /// <summary>For each UTF-16 offset of <paramref name="code"/> (and its end), the UTF-8 byte offset.</summary>
    private static int[] ByteOffsets(string code)
    {
        var offsets = new int[code.Length + 1];
        var bytes = 0;
        for (var i = 0; i < code.Length; i++)
        {
            offsets[i] = bytes;
            bytes += char.IsHighSurrogate(code[i]) ? 0 : char.IsLowSurrogate(code[i]) ? 4 : Encoding.UTF8.GetByteCount(code.AsSpan(i, 1));
        }

        offsets[code.Length] = bytes;
        return offsets;
    }

    private static int CharOffset(int[] bytes, int byteOffset)
    {
        var i = Array.BinarySearch(bytes, byteOffset);
        return i >= 0 ? i : Math.Min(~i, bytes.Length - 1);
    }

    private static string Excerpt(string code, int[] bytes, (int Start, int End) range)
    {
        var start = Math.Min(CharOffset(bytes, range.Start), code.Length);
        var end = Math.Clamp(CharOffset(bytes, range.End), start, code.Length);
        var text = code[start..end].ReplaceLineEndings(" ");
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
