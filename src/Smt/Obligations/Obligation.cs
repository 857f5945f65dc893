using ProofCheck.Core;

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

    /// <summary>The constants and functions the obligation declares, in order: the names a counterexample shows.</summary>
    internal IReadOnlyList<string> DeclaredNames =>
        [.. Setup.Where(c => c.Name is "declare-const" or "declare-fun" && c.Arguments.Count > 0).Select(c => Unbar(c.Arguments[0])).Distinct(StringComparer.Ordinal)];

    private static string Unbar(string symbol) =>
        symbol.Length >= 2 && symbol[0] == '|' && symbol[^1] == '|' ? symbol[1..^1] : symbol;
}
