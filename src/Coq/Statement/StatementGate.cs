using ProofCheck.Coq.Audit;
using ProofCheck.Coq.Syntax;
using ProofCheck.Coq.Syntax.Generated;

namespace ProofCheck.Coq.Statement;

/// <summary>Where the submission states its main theorem, or why the statement gate refused it.</summary>
internal sealed record StatementMatch(CoqSentence? Theorem, string? Problem);

/// <summary>
/// Gate (a): the submission states the main theorem at top level with exactly the canonical tokens (comments
/// and whitespace aside). The keyword may be any of Theorem, Lemma, Fact…, which all mean the same.
/// </summary>
internal static class StatementGate
{
    public static StatementMatch Find(IReadOnlyList<CoqSentence> sentences, CanonicalStatement canonical)
    {
        var scopes = new ScopeTracker();
        CoqSentence? found = null;
        var nested = false;
        foreach (var sentence in sentences)
        {
            var command = SentenceHead.CommandTokens(sentence);
            if (!sentence.IsFocusMarker && !SentenceHead.IsRolledBack(sentence) && command.Count >= 2 && CanonicalStatement.TheoremKeywords.Contains(command[0].Text)
                && command[1].Text == canonical.Name)
            {
                if (!scopes.AtTopLevel)
                {
                    nested = true;
                }
                else if (found is null)
                {
                    found = sentence;
                }
            }

            scopes.Observe(sentence);
        }

        if (found is null)
        {
            return new StatementMatch(null, nested
                ? $"the main theorem '{canonical.Name}' is stated only inside a Section or Module; it must be stated at top level"
                : $"the main theorem '{canonical.Name}' is not stated (expected 'Theorem {canonical.Name} {canonical.StatementText}.')");
        }

        var given = SentenceHead.CommandTokens(found).Skip(2).ToList();
        if (!Normalized(given).SequenceEqual(Normalized(canonical.StatementTokens), StringComparer.Ordinal))
        {
            return new StatementMatch(found,
                $"the main theorem '{canonical.Name}' is stated as '{string.Join(' ', given.Select(t => t.Text))}', not as the canonical '{canonical.StatementText}'");
        }

        return new StatementMatch(found, null);
    }

    /// <summary>
    /// Operator runs are compared character by character, so "n+0" and "n + 0" agree; what that could blur
    /// (a spacing that changes a notation) changes the meaning, which gate (b) then catches.
    /// </summary>
    private static IEnumerable<string> Normalized(IEnumerable<CoqToken> tokens) =>
        tokens.SelectMany(t => t.Type == CoqLexer.SYMBOL ? t.Text.Select(c => c.ToString()) : [t.Text]);
}
