using ProofCheck.Coq.Syntax.Generated;

namespace ProofCheck.Coq.Syntax;

/// <summary>
/// The command a sentence runs, read past attributes (<c>#[local]</c>) and the prefixes that only qualify a
/// command (<c>Local</c>, <c>Global</c>, <c>Program</c>, <c>Time</c>, <c>Fail</c>…), so <c>#[global] Local Axiom</c>
/// is seen as <c>Axiom</c>.
/// </summary>
internal static class SentenceHead
{
    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal)
    {
        "Local", "Global", "Export", "Polymorphic", "Monomorphic", "Cumulative", "NonCumulative", "Private",
        "Program", "Time", "Instructions", "Profile", "Fail", "Succeed", "Timeout", "Redirect", "Unshelve",
    };

    /// <summary>The tokens of the command proper, after attributes and prefixes (a <c>Timeout N</c> or <c>Redirect "f"</c> argument included).</summary>
    public static IReadOnlyList<CoqToken> CommandTokens(CoqSentence sentence)
    {
        var body = sentence.Body;
        var i = 0;
        while (i < body.Count)
        {
            if (body[i].Type == CoqLexer.ATTRIBUTE_OPEN)
            {
                i = SkipBracket(body, i + 1);
                continue;
            }

            if (body[i].IsIdentifier && Prefixes.Contains(body[i].Text) && i + 1 < body.Count && body[i + 1].Type != CoqLexer.SYMBOL)
            {
                // Timeout and Redirect take an argument before the command.
                i += body[i].Text is "Timeout" or "Redirect" ? 2 : 1;
                continue;
            }

            break;
        }

        return body.Skip(i).ToList();
    }

    /// <summary>The prefixes and attribute names a sentence carries (to spot <c>Redirect</c> or <c>bypass_check</c>).</summary>
    public static IEnumerable<string> PrefixWords(CoqSentence sentence)
    {
        var command = CommandTokens(sentence);
        var prefixCount = sentence.Body.Count - command.Count;
        return sentence.Body.Take(prefixCount).Where(t => t.IsIdentifier).Select(t => t.Text);
    }

    /// <summary>
    /// Whether coqc undoes the sentence's effect: under <c>Fail</c> or <c>Succeed</c> a command runs and is then
    /// rolled back, so a wrapped <c>Section</c> opens nothing and a wrapped <c>Theorem</c> states nothing.
    /// </summary>
    public static bool IsRolledBack(CoqSentence sentence) => PrefixWords(sentence).Any(w => w is "Fail" or "Succeed");

    /// <summary>The first identifiers of the command (up to <paramref name="count"/>), e.g. <c>Declare ML Module</c>.</summary>
    public static IReadOnlyList<string> Words(CoqSentence sentence, int count) =>
        CommandTokens(sentence).Take(count).TakeWhile(t => t.IsIdentifier).Select(t => t.Text).ToList();

    private static int SkipBracket(IReadOnlyList<CoqToken> tokens, int i)
    {
        var depth = 1;
        for (; i < tokens.Count; i++)
        {
            if (tokens[i].Type == CoqLexer.OPEN_BRACKET || tokens[i].Type == CoqLexer.ATTRIBUTE_OPEN)
            {
                depth++;
            }
            else if (tokens[i].Type == CoqLexer.CLOSE_BRACKET && --depth == 0)
            {
                return i + 1;
            }
        }

        return i;
    }
}
