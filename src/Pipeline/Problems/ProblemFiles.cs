using ProofCheck.Coq;
using ProofCheck.LeanBridge;

namespace ProofCheck.Pipeline.Problems;

/// <summary>The file names a problem folder (and a variant template folder) may hold, by convention.</summary>
public static class ProblemFiles
{
    public const string Manifest = "problem.yaml";
    public const string Markdown = "statement.md";
    public const string LeanStatement = LeanTarget.StatementFile;
    public const string CoqStatement = CoqTarget.StatementFile;

    /// <summary>Reference proof file per target: must be Verified.</summary>
    public static IReadOnlyDictionary<string, string> ReferenceProof { get; } = new Dictionary<string, string>
    {
        [CoqTarget.Name] = "proof.v",
        [LeanTarget.Name] = "proof.lean",
    };

    /// <summary>Deliberately broken copy per target: must not be Verified.</summary>
    public static IReadOnlyDictionary<string, string> BrokenProof { get; } = new Dictionary<string, string>
    {
        [CoqTarget.Name] = "broken.v",
        [LeanTarget.Name] = "broken.lean",
    };

    /// <summary>The canonical statement file per target (from the targets' descriptors).</summary>
    public static IReadOnlyDictionary<string, string> Statement { get; } =
        Targets.CheckTargets.WithStatements.ToDictionary(t => t.Name, t => t.StatementFile!);
}
