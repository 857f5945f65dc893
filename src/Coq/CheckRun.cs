using System.Diagnostics;
using ProofCheck.Coq.Statement;
using ProofCheck.Coq.Submission;
using ProofCheck.Core;

namespace ProofCheck.Coq;

/// <summary>What one check has learnt so far, and how it becomes the report.</summary>
internal sealed class CheckRun(CheckRequest request, CanonicalStatement canonical, Stopwatch stopwatch)
{
    public CheckRequest Request { get; } = request;

    public CanonicalStatement Canonical { get; } = canonical;

    public CoqSource? Source { get; set; }

    public string? Version { get; set; }

    /// <summary>True once coqc has been run on the submission; a verdict reached before that names no solver.</summary>
    public bool CoqcRan { get; set; }

    public List<string> Checked { get; } = [];

    public List<AuditFinding> Findings { get; } = [];

    /// <summary>The report when the canonical statement itself cannot be used: Failed, with the reason.</summary>
    public static CheckReport StatementUnusable(CheckRequest request, string reason, Stopwatch stopwatch) =>
        CheckReports.Of(CoqTarget.Name, request, [new ObligationResult("main theorem", Verdict.Failed) { Ms = stopwatch.ElapsedMilliseconds }]) with
        {
            Diagnostics = [Diagnostic.Error(reason, source: "statement")],
        };

    public CheckReport Report(Verdict verdict, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (verdict == Verdict.Verified && Findings.Count > 0)
        {
            throw new InvalidOperationException("A check with audit findings cannot be Verified.");
        }

        var obligation = new ObligationResult(Canonical.Name, verdict)
        {
            Solver = CoqcRan ? CoqChecker.Name : null,
            Ms = stopwatch.ElapsedMilliseconds,
            Diagnostics = diagnostics,
        };
        return CheckReports.Of(CoqTarget.Name, Request, [obligation]) with
        {
            CheckerVersion = Version,
            Audit = new AuditReport([.. Checked], [.. Findings]),
        };
    }
}
