namespace ProofCheck.Core;

/// <summary>One forbidden construct the audit found, with where it stands and why it is forbidden.</summary>
public sealed record AuditFinding(string Rule, string Construct, SourceSpan Span, string Reason)
{
    public override string ToString() => $"{Span}: {Construct} ({Rule}): {Reason}";
}

/// <summary>What an audit looked for and what it found. An empty <see cref="Findings"/> means it passed.</summary>
public sealed record AuditReport(IReadOnlyList<string> Checked, IReadOnlyList<AuditFinding> Findings)
{
    public bool Passed => Findings.Count == 0;

    public static AuditReport Empty { get; } = new([], []);
}
