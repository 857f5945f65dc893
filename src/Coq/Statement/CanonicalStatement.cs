using ProofCheck.Coq.Syntax;
using ProofCheck.Coq.Syntax.Generated;
using ProofCheck.Core;

namespace ProofCheck.Coq.Statement;

/// <summary>
/// A problem's canonical Coq statement file, taken apart: the preamble (everything before the main theorem),
/// the main theorem's name, and its statement (binders and type). The main theorem is the one whose proof is
/// the placeholder <c>Admitted.</c>.
/// </summary>
internal sealed record CanonicalStatement(string Preamble, string Name, IReadOnlyList<CoqToken> StatementTokens, string StatementText)
{
    public static readonly IReadOnlySet<string> TheoremKeywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "Theorem", "Lemma", "Fact", "Remark", "Corollary", "Proposition", "Property",
    };

    /// <summary>Reads a statement file; throws <see cref="UserInputException"/> when it has no usable main theorem.</summary>
    public static CanonicalStatement Parse(string text)
    {
        var split = SentenceSplitter.Split(text);
        if (split.Problems.Count > 0)
        {
            var p = split.Problems[0];
            throw new UserInputException($"The canonical Coq statement cannot be read: {p.Message} (line {p.Line}).");
        }

        var sentences = split.Sentences;
        var admitted = -1;
        for (var i = sentences.Count - 1; i >= 0; i--)
        {
            if (sentences[i].Body is [{ Text: "Admitted" }])
            {
                admitted = i;
                break;
            }
        }

        if (admitted < 1)
        {
            throw new UserInputException("The canonical Coq statement has no main theorem ending in 'Admitted.'.");
        }

        var theorem = admitted - 1;
        if (sentences[theorem].Body is [{ Text: "Proof" }] && theorem > 0)
        {
            theorem--;
        }

        var body = sentences[theorem].Body;
        if (body.Count < 4 || !TheoremKeywords.Contains(body[0].Text) || body[1].Type != CoqLexer.IDENT || body[1].Text.Contains('.'))
        {
            throw new UserInputException(
                $"The canonical Coq statement's 'Admitted.' (line {sentences[admitted].Line}) does not close a 'Theorem NAME : TYPE.' sentence.");
        }

        var statementTokens = body.Skip(2).ToList();
        TopLevelColon(statementTokens);
        var statementText = text[statementTokens[0].Start..statementTokens[^1].End];
        return new CanonicalStatement(text[..sentences[theorem].Start], body[1].Text, statementTokens, statementText);
    }

    /// <summary>The type of the main theorem: the statement without its leading ':' (binders become a forall).</summary>
    public string AsProposition()
    {
        var colon = TopLevelColon(StatementTokens);
        var offset = StatementTokens[0].Start;
        var type = StatementText[(StatementTokens[colon + 1].Start - offset)..];
        if (colon == 0)
        {
            return type;
        }

        // "Theorem t (n : nat) : P n." is "forall (n : nat), P n".
        var binders = StatementText[..(StatementTokens[colon].Start - offset)].TrimEnd();
        return $"forall {binders}, {type}";
    }

    private static int TopLevelColon(IReadOnlyList<CoqToken> tokens)
    {
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            switch (tokens[i].Type)
            {
                case CoqLexer.OPEN_PAREN or CoqLexer.OPEN_BRACE or CoqLexer.OPEN_BRACKET:
                    depth++;
                    break;
                case CoqLexer.CLOSE_PAREN or CoqLexer.CLOSE_BRACE or CoqLexer.CLOSE_BRACKET:
                    depth--;
                    break;
                case CoqLexer.SYMBOL when depth == 0 && tokens[i].Text == ":" && i + 1 < tokens.Count:
                    return i;
            }
        }

        throw new UserInputException("The canonical Coq statement's main theorem has no ': TYPE'.");
    }
}
