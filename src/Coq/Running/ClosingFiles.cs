namespace ProofCheck.Coq.Running;

/// <summary>
/// The generated files of the clean-context check (gate b). The canonical statement is compiled as its own
/// library with only its preamble; the submission is compiled as another; a third file loads both without
/// importing either (so no notation, scope or coercion of the submission is active) and demands that the
/// main theorem's type be convertible to the canonical statement, then prints the theorem's assumptions.
/// </summary>
internal static class ClosingFiles
{
    public const string CanonicalLibrary = "Canonical";
    public const string CandidateLibrary = "Candidate";
    public const string StatementDefinition = "canonical_statement";
    public const string AssumptionsMarker = "PROOFCHECK-ASSUMPTIONS";

    public static string Canonical(string preamble, string proposition) =>
        $"{preamble.TrimEnd()}\n\nDefinition {StatementDefinition} :=\n{proposition}.\n";

    /// <summary>
    /// An <c>eq_refl</c> between the two types leaves coqc nothing to insert (a cast could add a coercion):
    /// it type-checks only if the types are convertible. The statement's sort is left to coqc (a statement may be
    /// a <c>Type</c> such as <c>{i &amp; {j | …}}</c>, not only a <c>Prop</c>), and the theorem is named with
    /// <c>@</c> so implicit binders (<c>Theorem t {A} …</c>) are not filled in.
    /// </summary>
    public static string Check(string canonicalPrefix, string candidatePrefix, string mainTheorem) =>
        string.Join('\n', CheckSentences(canonicalPrefix, candidatePrefix, mainTheorem, "proofcheck_same_statement")) + "\n";

    /// <summary>The closing check as sentences, one a line (coqtop reads them one at a time), defining <paramref name="definition"/>.</summary>
    public static IReadOnlyList<string> CheckSentences(string canonicalPrefix, string candidatePrefix, string mainTheorem, string definition)
    {
        var statement = $"{canonicalPrefix}.{CanonicalLibrary}.{StatementDefinition}";
        var main = $"{candidatePrefix}.{CandidateLibrary}.{mainTheorem}";
        return
        [
            $"Require {canonicalPrefix}.{CanonicalLibrary} {candidatePrefix}.{CandidateLibrary}.",
            $"Definition {definition} : @eq _ {statement} ltac:(let t := type of @{main} in exact t) := @eq_refl _ {statement}.",
            $"Print Assumptions {main}.",
        ];
    }
}
