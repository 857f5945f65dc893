using Antlr4.Runtime;
using ProofCheck.Core;
using ProofCheck.Smt.Grammar;
using ProofCheck.Smt.Parsing;

namespace ProofCheck.Smt.Obligations;

/// <summary>
/// Splits an obligation file into obligations: they are separated by top-level <c>(reset)</c>, and the
/// comment lines directly above an obligation's first command are its label.
/// </summary>
internal static class ObligationFileReader
{
    /// <summary>The drafts of every obligation, or the first syntax error of the file.</summary>
    public static (IReadOnlyList<ObligationDraft> Drafts, SyntaxError? Error) Read(string text)
    {
        var smt = new SmtText(text);
        var script = smt.Parser.script();
        if (smt.Error is { } error)
        {
            return ([], error);
        }

        var drafts = new List<ObligationDraft>();
        var group = new List<ScriptCommand>();
        string? label = null;
        foreach (var command in script.command())
        {
            var converted = Convert(smt, command);
            if (converted.Name == "reset" && converted.Arguments.Count == 0)
            {
                Flush();
                continue;
            }

            if (group.Count == 0)
            {
                label = LabelAbove(smt, command.Start);
            }

            group.Add(converted);
        }

        Flush();
        return (drafts, null);

        void Flush()
        {
            if (group.Count > 0)
            {
                var number = drafts.Count + 1;
                drafts.Add(new ObligationDraft(number, label ?? $"obligation {number}", group[0].Span, [.. group]));
            }

            group.Clear();
            label = null;
        }
    }

    private static ScriptCommand Convert(SmtText smt, SmtLib2Parser.CommandContext command)
    {
        var arguments = command.sExpr();
        var isNegatedAssert = command.name.GetText() == "assert"
            && arguments.Length == 1
            && arguments[0].LPAREN() is not null
            && arguments[0].sExpr().Length == 2
            && arguments[0].sExpr(0).GetText() == "not";
        return new ScriptCommand(
            command.name.GetText(),
            smt.SourceOf(command),
            SpanOf(command.Start),
            [.. arguments.Select(smt.SourceOf)])
        {
            NameSpan = SpanOf(command.name.Start),
            IsNegatedAssert = isNegatedAssert,
        };
    }

    /// <summary>The last unbroken run of comment lines before <paramref name="first"/>; a blank line ends the run.</summary>
    private static string? LabelAbove(SmtText smt, IToken first)
    {
        var hidden = smt.Tokens.GetHiddenTokensToLeft(first.TokenIndex);
        if (hidden is null)
        {
            return null;
        }

        var lines = new List<string>();
        for (var i = hidden.Count - 1; i >= 0; i--)
        {
            var token = hidden[i];
            if (token.Type == SmtLib2Lexer.WHITESPACE)
            {
                if (token.Text.Count(c => c == '\n') > 1)
                {
                    break;
                }

                continue;
            }

            var line = token.Text.TrimStart(';').Trim();
            if (line.Length > 0)
            {
                lines.Insert(0, line);
            }
        }

        return lines.Count == 0 ? null : string.Join(' ', lines);
    }

    private static SourceSpan SpanOf(IToken token) => new(token.Line, token.Column + 1);
}
