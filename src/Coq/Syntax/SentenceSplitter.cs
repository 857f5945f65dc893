using Antlr4.Runtime;
using ProofCheck.Coq.Syntax.Generated;

namespace ProofCheck.Coq.Syntax;

/// <summary>The sentences of a Coq text and what kept parts of it from being sentences.</summary>
internal sealed record SplitResult(IReadOnlyList<CoqSentence> Sentences, IReadOnlyList<LexicalProblem> Problems);

/// <summary>
/// Splits Coq source into sentences on the generated lexer, so that text in comments and strings never counts
/// as code and a dot inside a qualified name never ends a sentence.
/// </summary>
internal static class SentenceSplitter
{
    public static IReadOnlyList<CoqToken> Tokenize(string source)
    {
        var lexer = new CoqLexer(new AntlrInputStream(source));
        lexer.RemoveErrorListeners();
        var tokens = new List<CoqToken>();
        for (var t = lexer.NextToken(); t.Type != TokenConstants.EOF; t = lexer.NextToken())
        {
            if (t.Channel == TokenConstants.DefaultChannel)
            {
                tokens.Add(new CoqToken(t.Type, t.Text, t.StartIndex, t.StopIndex + 1, t.Line, t.Column));
            }
        }

        return tokens;
    }

    public static SplitResult Split(string source)
    {
        var sentences = new List<CoqSentence>();
        var problems = new List<LexicalProblem>();
        var current = new List<CoqToken>();
        var tokens = Tokenize(source);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Type == CoqLexer.COMMENT)
            {
                continue;
            }

            if (token.Type == CoqLexer.OPEN_PAREN && i + 1 < tokens.Count && tokens[i + 1].Start == token.End
                && tokens[i + 1].Type == CoqLexer.SYMBOL && tokens[i + 1].Text.StartsWith('*'))
            {
                // "(*" that the lexer could not close: coqc reads the rest of the file as a comment.
                problems.Add(new LexicalProblem("unterminated comment: everything after it is a comment to coqc", token.Line, token.Column));
                current.Clear();
                break;
            }

            if (token.Type == CoqLexer.UNTERMINATED_STRING)
            {
                problems.Add(new LexicalProblem("unterminated string", token.Line, token.Column));
                current.Clear();
                break;
            }

            if (current.Count == 0 && IsFocusMarker(token))
            {
                sentences.Add(new CoqSentence([token], IsFocusMarker: true, IsComplete: true));
                continue;
            }

            current.Add(token);
            if (token.Type == CoqLexer.SENTENCE_END || (token.Type == CoqLexer.OPEN_BRACE && IsGoalSelector(current, current.Count - 1)))
            {
                // "2: {" and "all: {" focus goals and end there, as a bullet does.
                sentences.Add(new CoqSentence([.. current], IsFocusMarker: false, IsComplete: true));
                current.Clear();
            }
        }

        if (current.Count > 0)
        {
            problems.Add(new LexicalProblem("the last sentence does not end with a '.'", current[0].Line, current[0].Column));
            sentences.Add(new CoqSentence([.. current], IsFocusMarker: false, IsComplete: false));
        }

        return new SplitResult(sentences, problems);
    }

    /// <summary>
    /// Whether the first <paramref name="count"/> tokens are a goal selector: <c>2:</c>, <c>1,3:</c>, <c>1-2:</c>,
    /// <c>all:</c>, <c>par:</c>, <c>!:</c> or <c>[name]:</c>.
    /// </summary>
    private static bool IsGoalSelector(List<CoqToken> tokens, int count)
    {
        if (count < 1 || tokens[count - 1].Text is not (":" or "!:"))
        {
            return false;
        }

        var selector = tokens.Take(count - 1).ToList();
        return selector switch
        {
            [] => tokens[count - 1].Text == "!:",
            [{ Text: "all" or "par" or "!" }] => true,
            [{ Type: CoqLexer.OPEN_BRACKET }, { Type: CoqLexer.IDENT }, { Type: CoqLexer.CLOSE_BRACKET }] => true,
            _ => selector[0].Type == CoqLexer.NUMBER
                && selector.All(t => t.Type == CoqLexer.NUMBER || t.Type == CoqLexer.COMMA || t.Text == "-"),
        };
    }

    /// <summary>Bullets (<c>-</c>, <c>++</c>, <c>***</c>) and braces at the start of a sentence focus goals; they are sentences of their own.</summary>
    private static bool IsFocusMarker(CoqToken token) =>
        token.Type is CoqLexer.OPEN_BRACE or CoqLexer.CLOSE_BRACE
        || (token.Type == CoqLexer.SYMBOL && token.Text[0] is '-' or '+' or '*' && token.Text.All(c => c == token.Text[0]));
}
