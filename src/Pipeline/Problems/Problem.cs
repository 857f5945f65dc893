namespace ProofCheck.Pipeline.Problems;

/// <summary>Where a problem comes from: what a researcher needs to separate reasoning from memorization.</summary>
public enum ProvenanceKind
{
    Textbook,
    Competition,
    Folklore,
    Novel,
}

public sealed record Provenance(ProvenanceKind Kind, string Reference);

/// <summary>
/// One problem, loaded from a folder under problems/ (or generated from a variant family, in which case
/// <see cref="ParentId"/> names the family's problem and <see cref="Parameters"/> holds the values used).
/// </summary>
public sealed record Problem(string Id, string Title, Provenance Provenance, string StatementMarkdown)
{
    /// <summary>The folder the problem was loaded from (for a variant: its parent's folder).</summary>
    public string Directory { get; init; } = string.Empty;

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>statement.lean content (Lean 4 + Mathlib), main theorem ending in <c>:= by sorry</c>.</summary>
    public string? LeanStatement { get; init; }

    /// <summary>statement.v content (Coq standard library), main theorem ending in <c>Admitted.</c>.</summary>
    public string? CoqStatement { get; init; }

    /// <summary>Axioms beyond the checker's defaults that this problem allows, per target ("lean", "coq").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedAxioms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Imports beyond the checker's defaults that this problem allows, per target.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedImports { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Reference proofs by target ("coq", "lean"): file contents that must verify.</summary>
    public IReadOnlyDictionary<string, string> ReferenceProofs { get; init; } = new Dictionary<string, string>();

    /// <summary>Deliberately broken copies of reference proofs by target: must not verify.</summary>
    public IReadOnlyDictionary<string, string> BrokenProofs { get; init; } = new Dictionary<string, string>();

    /// <summary>For a generated variant: the id of the problem whose family it belongs to.</summary>
    public string? ParentId { get; init; }

    /// <summary>For a generated variant: the parameter values it was generated with.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The name of the main theorem in the formal statements (the one a proof must prove verbatim).</summary>
    public string? MainTheorem { get; init; }

    /// <summary>
    /// For a generated variant: what its family perturbs (e.g. "other-base", "renamed-symbols", "changed-constants"),
    /// so results on variants can be compared with results on the original.
    /// </summary>
    public string? Variation { get; init; }

    /// <summary>
    /// Where each artifact came from, by file name ("statement.v", "proof.v", …): the path of the file, or of the
    /// template it was generated from. For messages that must point at a file a user can open.
    /// </summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>True for a problem generated from a variant family.</summary>
    public bool IsVariant => ParentId is not null;
}
