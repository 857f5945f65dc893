using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ProofCheck.Core;

namespace ProofCheck.Coq.Running;

/// <summary>
/// One message from coqc: <c>File "X.v", line L, characters A-B:</c> followed by <c>Error: …</c> or
/// <c>Warning: …</c>. Characters are byte offsets from the start of line L (the end may run past it).
/// </summary>
internal sealed record CoqMessage(DiagnosticSeverity Severity, string Message, string? File, int? Line, int? StartByte, int? EndByte)
{
    /// <summary>The source range in code points, computed from coqc's byte offsets against the file's text.</summary>
    public SourceSpan? SpanIn(string source, int lineOffset)
    {
        if (Line is not { } line || StartByte is not { } start || EndByte is not { } end)
        {
            return null;
        }

        var lines = source.Split('\n');
        var (startLine, startCol) = Advance(lines, line - 1, start);
        var (endLine, endCol) = Advance(lines, line - 1, end);
        return new SourceSpan(startLine + 1 + lineOffset, startCol + 1, endLine + 1 + lineOffset, endCol + 1);
    }

    /// <summary>The UTF-16 offset of the span's start in <paramref name="source"/>, for finding the failing sentence.</summary>
    public int? OffsetIn(string source)
    {
        if (Line is not { } line || StartByte is not { } start)
        {
            return null;
        }

        var lines = source.Split('\n');
        var offset = 0;
        for (var i = 0; i < line - 1 && i < lines.Length; i++)
        {
            offset += lines[i].Length + 1;
        }

        var (l, c) = Advance(lines, line - 1, start);
        for (var i = line - 1; i < l; i++)
        {
            offset += lines[i].Length + 1;
        }

        return Math.Min(offset + CodePointsToUtf16(lines, l, c), source.Length);
    }

    private static int CodePointsToUtf16(string[] lines, int line, int codePoints)
    {
        if (line >= lines.Length)
        {
            return 0;
        }

        var units = 0;
        var text = lines[line];
        for (var n = 0; n < codePoints && units < text.Length; n++)
        {
            units += char.IsHighSurrogate(text[units]) ? 2 : 1;
        }

        return units;
    }

    /// <summary>Walks <paramref name="bytes"/> UTF-8 bytes forward from the start of a line, across line ends.</summary>
    private static (int Line, int Column) Advance(string[] lines, int line, int bytes)
    {
        var column = 0;
        while (line < lines.Length)
        {
            var text = lines[line];
            var i = 0;
            column = 0;
            while (i < text.Length && bytes > 0)
            {
                var rune = Rune.GetRuneAt(text, i);
                bytes -= rune.Utf8SequenceLength;
                i += rune.Utf16SequenceLength;
                column++;
            }

            if (bytes <= 0 || line == lines.Length - 1)
            {
                return (line, column);
            }

            bytes--; // the newline
            line++;
            if (bytes == 0)
            {
                return (line, 0);
            }
        }

        return (Math.Max(0, lines.Length - 1), column);
    }
}

/// <summary>Reads coqc's output into messages.</summary>
internal static partial class CoqMessageParser
{
    [GeneratedRegex("""^File "(?<file>[^"]*)", line (?<line>\d+), characters (?<start>\d+)-(?<end>\d+):\s*$""")]
    private static partial Regex Header();

    [GeneratedRegex(@"^(?<kind>Error|Warning):\s?(?<rest>.*)$")]
    private static partial Regex Kind();

    public static IReadOnlyList<CoqMessage> Parse(string output)
    {
        var messages = new List<CoqMessage>();
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Match? header = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var h = Header().Match(lines[i]);
            if (h.Success)
            {
                header = h;
                continue;
            }

            var k = Kind().Match(lines[i]);
            if (!k.Success)
            {
                continue;
            }

            var text = new StringBuilder(k.Groups["rest"].Value);
            var j = i + 1;
            for (; j < lines.Length && !Header().IsMatch(lines[j]) && !Kind().IsMatch(lines[j]); j++)
            {
                text.Append('\n').Append(lines[j]);
            }

            i = j - 1;
            var severity = k.Groups["kind"].Value == "Error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            messages.Add(header is null
                ? new CoqMessage(severity, Clean(text.ToString()), null, null, null, null)
                : new CoqMessage(
                    severity,
                    Clean(text.ToString()),
                    header.Groups["file"].Value,
                    int.Parse(header.Groups["line"].Value, CultureInfo.InvariantCulture),
                    int.Parse(header.Groups["start"].Value, CultureInfo.InvariantCulture),
                    int.Parse(header.Groups["end"].Value, CultureInfo.InvariantCulture)));
            header = null;
        }

        return messages;
    }

    private static string Clean(string text) => string.Join('\n', text.Split('\n').Select(l => l.TrimEnd())).Trim();
}
