using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Pipeline.Grading;

/// <summary>
/// A problem made on the spot from canonical statements a caller sends (for statements outside the problem set).
/// Such a statement has not been through <c>problems validate</c>, so every report says "statement unvetted".
/// </summary>
public static class AdHocProblem
{
    public const string Id = "ad-hoc";

    /// <summary>
    /// The problem for these statements by target ("coq": a statement.v text, "lean": a statement.lean text).
    /// Throws <see cref="UserInputException"/> when a Coq statement has no main theorem ending in <c>Admitted.</c>.
    /// </summary>
    public static Problem From(IReadOnlyDictionary<string, string> statements)
    {
        var coq = statements.GetValueOrDefault(CheckTargets.Coq.Name);
        var lean = statements.GetValueOrDefault(CheckTargets.Lean.Name);
        var unknown = statements.Keys.Where(k => !CheckTargets.WithStatements.Any(t => t.Name == k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UserInputException($"statement: unknown target(s) {string.Join(", ", unknown)}; canonical statements exist for {string.Join(" and ", CheckTargets.WithStatements)} (SMT needs none).");
        }

        string? theorem = null;
        if (coq is not null)
        {
            theorem = Coq.CoqChecker.MainTheoremOf(coq);
        }
        else if (lean is not null)
        {
            try
            {
                theorem = LeanBridge.Syntax.LeanSyntax.MainTheoremName(lean);
            }
            catch (FormatException e)
            {
                throw new UserInputException($"statement.lean: {e.Message}.", e);
            }
        }

        return new Problem(Id, "A caller's statement", new Provenance(ProvenanceKind.Novel, "Sent with the grading request."), string.Empty)
        {
            CoqStatement = coq,
            LeanStatement = lean,
            MainTheorem = theorem,
        };
    }
}
