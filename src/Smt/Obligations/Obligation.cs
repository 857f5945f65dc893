using ProofCheck.Core;
using ProofCheck.Smt.Parsing;

namespace ProofCheck.Smt.Obligations;

/// <summary>
/// One proof step ready for a solver: what to declare and assume (<see cref="Setup"/>) and the final
/// <c>(assert (not CLAIM))</c>. The checker itself adds every <c>check-sat</c>, <c>get-model</c> and stack command.
/// </summary>
public sealed record Obligation
{
    internal Obligation(int number, string label, SourceSpan span, IReadOnlyList<ScriptCommand> setup, ScriptCommand negatedClaim)
    {
        Number = number;
        Label = label;
        Span = span;
        Setup = setup;
        NegatedClaim = negatedClaim;
    }

    /// <summary>1-based position in the file.</summary>
    public int Number { get; }

    /// <summary>The comment lines just before the obligation, or "obligation N".</summary>
    public string Label { get; }

    public SourceSpan Span { get; }

    internal IReadOnlyList<ScriptCommand> Setup { get; }

    internal ScriptCommand NegatedClaim { get; }

    /// <summary>The claim, CLAIM of the final <c>(assert (not CLAIM))</c>.</summary>
    internal SExpr Claim => ((SList)NegatedClaim.Arguments[0]).Items[1];

    /// <summary>The asserted hypotheses, in order.</summary>
    internal IReadOnlyList<SExpr> Hypotheses => [.. Setup.Select(c => c.Asserted).OfType<SExpr>()];

    /// <summary>
    /// The constants and functions the obligation declares, in order: the names a counterexample shows, each with
    /// its text as written (a <c>|quoted name|</c> keeps its bars, so the assignment reads unambiguously).
    /// </summary>
    internal IReadOnlyList<(string Name, string Written)> DeclaredNames =>
        [.. Setup.Where(c => c.Name is "declare-const" or "declare-fun").Select(c => c.Arguments.FirstOrDefault()).OfType<Atom>()
            .Select(a => (a.Name, a.Text)).DistinctBy(n => n.Name, StringComparer.Ordinal)];
}
