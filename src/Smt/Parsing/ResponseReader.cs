using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using ProofCheck.Smt.Grammar;

namespace ProofCheck.Smt.Parsing;

/// <summary>
/// Reads what z3 or cvc5 printed for one request with the grammar's <c>responses</c> rule, so sat answers,
/// errors, models (both solvers' layouts) and get-info replies are told apart by structure, not by guessing at lines.
/// </summary>
internal static class ResponseReader
{
    /// <summary>The responses in order, or the syntax error when the output is not SMT-LIB (a solver crash mid-print).</summary>
    public static (IReadOnlyList<SolverResponse> Responses, SyntaxError? Error) Read(string output)
    {
        // The generated parser recurses once per level: a model of a 10,000-step function chain would overflow the stack.
        if (Depth(output) > MaxDepth)
        {
            return ([], new SyntaxError(1, 1, $"the solver's answer is nested more than {MaxDepth} levels deep; not shown"));
        }

        var smt = new SmtText(output);
        var tree = smt.Parser.responses();
        if (smt.Error is { } error)
        {
            return ([], error);
        }

        return ([.. tree.response().Select(r => Convert(smt, r))], null);
    }

    /// <summary>Deeper answers are not parsed (a counterexample that deep is unreadable anyway).</summary>
    internal const int MaxDepth = 500;

    /// <summary>The deepest parenthesis nesting of a solver's output, skipping strings and quoted symbols.</summary>
    internal static int Depth(string output)
    {
        int depth = 0, max = 0;
        for (var i = 0; i < output.Length; i++)
        {
            switch (output[i])
            {
                case '(':
                    max = Math.Max(max, ++depth);
                    break;
                case ')':
                    depth--;
                    break;
                case '"':
                    // A doubled quote inside a string stands for one quote, so skipping to the next quote is enough.
                    i = Skip(output, i, '"');
                    break;
                case '|':
                    i = Skip(output, i, '|');
                    break;
            }
        }

        return max;
    }

    private static int Skip(string text, int at, char close)
    {
        var next = text.IndexOf(close, at + 1);
        return next < 0 ? text.Length : next;
    }

    private static SolverResponse Convert(SmtText smt, SmtLib2Parser.ResponseContext response)
    {
        if (response.checkSatResponse() is { } checkSat)
        {
            return new SolverResponse.CheckSat(checkSat.GetText());
        }

        if (response.errorResponse() is { } error)
        {
            return new SolverResponse.Error(Unquote(error.message.Text));
        }

        if (response.modelResponse() is { } model)
        {
            return new SolverResponse.Model([.. model.modelEntry().OfType<SmtLib2Parser.DefinedFunctionContext>().Select(d => Definition(smt, d))]);
        }

        if (response.infoResponse() is { } info)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var children = info.children;
            for (var i = 0; i < children.Count; i++)
            {
                if (children[i] is ITerminalNode { Symbol.Type: SmtLib2Lexer.KEYWORD } keyword)
                {
                    var value = i + 1 < children.Count && children[i + 1] is SmtLib2Parser.AttributeValueContext v ? Unquote(smt.SourceOf(v)) : string.Empty;
                    values[keyword.GetText()[1..]] = value;
                }
            }

            return new SolverResponse.Info(values);
        }

        return new SolverResponse.Word(response.echoed is { } echoed ? Unquote(echoed.Text) : response.GetText());
    }

    private static ModelDefinition Definition(SmtText smt, SmtLib2Parser.DefinedFunctionContext d) =>
        new(
            Unbar(d.name.GetText()),
            [.. d.sortedVar().Select(v => Unbar(v.symbol().GetText()))],
            Readable(smt, d.term()),
            smt.SourceOf(d));

    /// <summary>Numbers as people write them: <c>(- 3)</c> is -3, <c>(/ 1.0 2.0)</c> is 1/2, <c>(/ (- 1) 2)</c> is -1/2.</summary>
    internal static string Readable(SmtText smt, SmtLib2Parser.TermContext term)
    {
        switch (term)
        {
            case SmtLib2Parser.ConstantTermContext c:
                return Number(c.GetText());
            case SmtLib2Parser.ApplicationTermContext app:
                var op = app.qualIdentifier().GetText();
                var args = app.term();
                if (op == "-" && args.Length == 1)
                {
                    var inner = Readable(smt, args[0]);
                    return inner.StartsWith('-') ? inner[1..] : "-" + inner;
                }

                if (op == "/" && args.Length == 2)
                {
                    var numerator = Readable(smt, args[0]);
                    var denominator = Readable(smt, args[1]);
                    if (IsNumber(numerator) && IsNumber(denominator))
                    {
                        return $"{numerator}/{denominator}";
                    }
                }

                break;
        }

        return Collapse(smt.SourceOf(term));
    }

    private static bool IsNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>Solvers print reals as <c>2.0</c>; an integral decimal reads better without the <c>.0</c>.</summary>
    private static string Number(string text) =>
        text.EndsWith(".0", StringComparison.Ordinal) && text.IndexOf('.', StringComparison.Ordinal) == text.Length - 2 ? text[..^2] : text;

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : text;

    private static string Unbar(string symbol) =>
        symbol.Length >= 2 && symbol[0] == '|' && symbol[^1] == '|' ? symbol[1..^1] : symbol;
}
