using ProofCheck.Pipeline.Problems;

namespace ProofCheck.Cli.Problems;

/// <summary>The JSON shapes of <c>problems list --json</c> and <c>problems show --json</c>.</summary>
internal static class ProblemJson
{
    public static object Summary(Problem p) => new
    {
        p.Id,
        p.Title,
        Provenance = p.Provenance.Kind,
        Reference = p.Provenance.Reference,
        p.Tags,
        p.ParentId,
        p.Variation,
        p.Parameters,
        p.MainTheorem,
        Lean = p.LeanStatement is not null,
        Coq = p.CoqStatement is not null,
        ReferenceProofs = p.ReferenceProofs.Keys,
        BrokenProofs = p.BrokenProofs.Keys,
    };

    public static object Full(Problem p) => new
    {
        p.Id,
        p.Title,
        p.Provenance,
        p.Tags,
        p.ParentId,
        p.Variation,
        p.Parameters,
        p.MainTheorem,
        p.Directory,
        p.StatementMarkdown,
        p.LeanStatement,
        p.CoqStatement,
        p.AllowedAxioms,
        p.AllowedImports,
        p.ReferenceProofs,
        p.BrokenProofs,
        p.Sources,
    };
}
