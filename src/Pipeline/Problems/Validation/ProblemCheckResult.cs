namespace ProofCheck.Pipeline.Problems.Validation;

public enum ValidationStatus
{
    Passed,
    Failed,

    /// <summary>The check needs a tool this machine does not have; <c>--strict</c> turns this into a failure.</summary>
    NotRun,
}

/// <summary>The outcome of one check on one problem (or on a folder that did not load).</summary>
/// <param name="ProblemId">The problem's id; for a folder that did not load, its folder name.</param>
/// <param name="Check">What was checked, e.g. "statement.v" or "proof.v"; the same names for every problem.</param>
/// <param name="Detail">Why it failed or was not run, or what the checker said; empty when there is nothing to add.</param>
public sealed record ProblemCheckResult(string ProblemId, string Check, ValidationStatus Status, string Detail)
{
    /// <summary>The file a user should open: the problem's file, or the template a variant's file was generated from.</summary>
    public string? File { get; init; }

    /// <summary>Wall-clock milliseconds the check took.</summary>
    public long Ms { get; init; }
}
