using ProofCheck.Core;

namespace ProofCheck.Reports.Output;

/// <summary>
/// <c>--json</c>: one document with every run's report and, for two runs, their comparison. The shape is
/// documented field by field in README.md ("proofcheck report --json").
/// </summary>
public sealed record StudyDocument(IReadOnlyList<StudyReport> Reports, RunComparison? Comparison)
{
    /// <summary>Bumped whenever a field changes meaning or disappears.</summary>
    public int SchemaVersion { get; init; } = 1;

    public string Serialize() => ReportJson.Serialize(this);
}
