using ProofCheck.Core;
using ProofCheck.LeanBridge.Syntax;

namespace ProofCheck.LeanBridge.Fidelity;

/// <summary>The outcome of gate (a): the candidate's main theorem, or why it does not match the canonical one.</summary>
public sealed record StatementMatch(LeanCommand? Candidate, string? Problem, SourceSpan? Where = null)
{
    public bool Matches => Problem is null && Candidate is not null;
}

/// <summary>
/// Gate (a), the fast one: the candidate must declare the canonical main theorem under the same name, with a header
/// (name, binders, type) that is token for token the canonical one; comments and whitespace aside. It cannot see a
/// helper instance or a shadowing definition that changes what the same tokens mean: gate (b) does.
/// </summary>
public static class StatementGate
{
    public static StatementMatch Compare(LeanFile canonical, LeanFile candidate)
    {
        var main = canonical.LastTheorem
            ?? throw new FormatException("The canonical statement has no theorem.");
        var same = candidate.Declarations.Where(d => d.FullName == main.FullName).ToList();
        if (same.Count == 0)
        {
            var theorems = candidate.Declarations.Where(d => d.IsTheorem && d.FullName is not null).Select(d => d.FullName!).ToList();
            return new StatementMatch(null,
                $"the main theorem '{main.FullName}' is not declared (the submission declares {(theorems.Count == 0 ? "no theorem" : string.Join(", ", theorems.Select(t => "'" + t + "'")))}); it must prove the canonical statement under its own name");
        }

        if (same.Count > 1)
        {
            return new StatementMatch(null, $"'{main.FullName}' is declared {same.Count} times", same[1].Tokens[0].Span);
        }

        var candidateMain = same[0];
        if (!candidateMain.IsTheorem)
        {
            return new StatementMatch(null, $"'{main.FullName}' must be a theorem, not a {candidateMain.Keyword}", candidateMain.Tokens[0].Span);
        }

        // The names already agree once resolved (FullName); as written they may differ (`theorem _root_.x` inside a
        // namespace, `«x»`), so the comparison starts after the name.
        var expected = main.Header.Skip(1).ToList();
        var actual = candidateMain.Header.Skip(1).ToList();
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : null;
            var a = i < actual.Count ? actual[i] : null;
            if (e is null || a is null || e.Name != a.Name)
            {
                var where = a?.Span ?? candidateMain.Tokens[0].Span;
                var detail = (e, a) switch
                {
                    (null, _) => $"it continues with '{a!.Text}' where the canonical statement ends",
                    (_, null) => $"it ends where the canonical statement continues with '{e.Text}'",
                    _ => $"found '{a.Text}' where the canonical statement has '{e.Text}'",
                };
                return new StatementMatch(null,
                    $"the statement of '{main.FullName}' differs from the canonical one: {detail}. Canonical: {LeanSyntax.Text(expected)}",
                    where);
            }
        }

        return new StatementMatch(candidateMain, null);
    }
}
