using Antlr4.Runtime;
using ProofCheck.Smt.Grammar;

namespace ProofCheck.Smt.Parsing;

/// <summary>
/// Runs the generated SMT-LIB lexer and parser on a text and keeps the first syntax error (with its position)
/// instead of letting ANTLR print to the console and recover silently.
/// </summary>
internal sealed class SmtText
{
    private readonly FirstErrorListener _errors = new();

    public SmtText(string text)
    {
        Text = text;
        Lexer = new SmtLib2Lexer(new AntlrInputStream(text));
        Lexer.RemoveErrorListeners();
        Lexer.AddErrorListener(_errors);
        Tokens = new CommonTokenStream(Lexer);
        Parser = new SmtLib2Parser(Tokens);
        Parser.RemoveErrorListeners();
        Parser.AddErrorListener(_errors);
    }

    public string Text { get; }

    public SmtLib2Lexer Lexer { get; }

    public CommonTokenStream Tokens { get; }

    public SmtLib2Parser Parser { get; }

    /// <summary>The first lexical or syntax error met so far, or null.</summary>
    public SyntaxError? Error => _errors.First;

    /// <summary>The source text a rule matched, exactly as written.</summary>
    public string SourceOf(ParserRuleContext context) =>
        context.Stop is null || context.Stop.StopIndex < context.Start.StartIndex
            ? string.Empty
            : Text.Substring(context.Start.StartIndex, context.Stop.StopIndex - context.Start.StartIndex + 1);

    private sealed class FirstErrorListener : IAntlrErrorListener<IToken>, IAntlrErrorListener<int>
    {
        public SyntaxError? First { get; private set; }

        public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
            Record(line, charPositionInLine, offendingSymbol?.Type == TokenConstants.EOF
                ? "unexpected end of input (is a parenthesis left open?)"
                : Describe(offendingSymbol, msg));

        public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
            Record(line, charPositionInLine, $"unexpected character ({msg})");

        private static string Describe(IToken? token, string msg) => token?.Type switch
        {
            SmtLib2Lexer.RPAREN => "unexpected ')' (one parenthesis too many?)",
            SmtLib2Lexer.UNEXPECTED => $"unexpected character '{token.Text}'",
            _ => msg,
        };

        private void Record(int line, int charPositionInLine, string message) =>
            First ??= new SyntaxError(line, charPositionInLine + 1, message);
    }
}
