using ProofCheck.Core;

namespace ProofCheck.Smt.Checking;

/// <summary>What one solver concluded about one obligation, with the raw answers a portfolio compares.</summary>
internal sealed record SolverOutcome(Verdict Verdict, string Solver)
{
    public string? Counterexample { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The answer to the hypotheses alone (sat/unsat/unknown), when it was asked.</summary>
    public string? HypothesesAnswer { get; init; }

    /// <summary>The answer to hypotheses plus negated claim, when it was asked.</summary>
    public string? ClaimAnswer { get; init; }

    /// <summary>The process died with no answer (not a hang): the obligation deserves another try on a fresh process.</summary>
    public bool SolverLost { get; init; }

    public long Ms { get; init; }

    /// <summary>The model came from a z3 process that had decided other obligations before, so it may differ between runs.</summary>
    public bool ModelFromWarmState { get; init; }

    /// <summary>The model was checked by evaluating the step under it (every hypothesis and the negated claim hold).</summary>
    public bool ModelConfirmed { get; init; }

    /// <summary>The other solver that also answered Verified, when a portfolio had both decide.</summary>
    public string? ConfirmedBy { get; init; }

    /// <summary>True for the verdicts that state a fact about the obligation (as opposed to "could not tell").</summary>
    public bool IsDecisive => Verdict is Verdict.Verified or Verdict.Refuted or Verdict.Rejected;
}
