namespace ProofCheck.Pipeline.Problems;

/// <summary>The file names a problem folder (and a variant template folder) may hold, by convention.</summary>
public static class ProblemFiles
{
    public const string Manifest = "problem.yaml";
    public const string Markdown = "statement.md";
    public const string LeanStatement = "statement.lean";
    public const string CoqStatement = "statement.v";

    /// <summary>Reference proof file per target: must be Verified.</summary>
    public static IReadOnlyDictionary<string, string> ReferenceProof { get; } = new Dictionary<string, string>
    {
        ["coq"] = "proof.v",
        ["lean"] = "proof.lean",
    };

    /// <summary>Deliberately broken copy per target: must not be Verified.</summary>
    public static IReadOnlyDictionary<string, string> BrokenProof { get; } = new Dictionary<string, string>
    {
        ["coq"] = "broken.v",
        ["lean"] = "broken.lean",
    };

    /// <summary>The canonical statement file per target.</summary>
    public static IReadOnlyDictionary<string, string> Statement { get; } = new Dictionary<string, string>
    {
        ["coq"] = CoqStatement,
        ["lean"] = LeanStatement,
    };
}
