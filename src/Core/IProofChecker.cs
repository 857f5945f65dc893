namespace ProofCheck.Core;

/// <summary>
/// One checker (SMT, Coq, Lean) behind one call, so the pipeline never knows which it drives.
/// Implementations honour the soundness contract: <see cref="Verdict.Verified"/> only from a real checker
/// run plus a passed audit.
/// </summary>
public interface IProofChecker
{
    /// <summary>"smt", "coq" or "lean": the target name used on the command line and in the run store.</summary>
    string Target { get; }

    /// <summary>
    /// Checks one submission. Never throws for a bad proof, unusable input or a checker that cannot run here: those are
    /// verdicts with diagnostics (build reports with <see cref="CheckReports"/>, whose GuardAsync turns a
    /// <see cref="CheckerUnavailableException"/> or <see cref="UserInputException"/> into one). Throws only for cancellation.
    /// </summary>
    Task<CheckReport> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What to check and under which rules.</summary>
/// <param name="Submission">The model's text: Markdown with fenced code, or plain code (an SMT obligation file for "smt").</param>
public sealed record CheckRequest(string Submission)
{
    /// <summary>The canonical statement file (statement.lean / statement.v), whose main theorem the submission must prove verbatim. Null for SMT.</summary>
    public string? CanonicalStatement { get; init; }

    /// <summary>False for a user's own statement: the best possible verdict is then "Verified (statement unvetted)".</summary>
    public bool StatementVetted { get; init; } = true;

    /// <summary>Axioms the main theorem may depend on; null means the checker's default set.</summary>
    public IReadOnlyList<string>? AllowedAxioms { get; init; }

    /// <summary>Imports/Requires the submission may use; null means the checker's default allowlist.</summary>
    public IReadOnlyList<string>? AllowedImports { get; init; }

    /// <summary>Per-obligation wall-clock limit; null means the checker's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>False only when the user passed --no-sandbox.</summary>
    public bool Sandboxed { get; init; } = true;
}
