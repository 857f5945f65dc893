using System.Text.Json.Serialization;

namespace ProofCheck.Core;

/// <summary>The verdict on one obligation (an SMT step, or the main theorem of a Lean or Coq proof).</summary>
public sealed record ObligationResult(string Label, Verdict Verdict)
{
    /// <summary>A readable assignment such as <c>a = 3, b = 2</c>; set only for <see cref="Verdict.Refuted"/>.</summary>
    public string? Counterexample { get; init; }

    /// <summary>The checker that decided (e.g. "z3", "cvc5", "coqc", "lean").</summary>
    public string? Solver { get; init; }

    public long Ms { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>
    /// For an SMT step: the hypotheses no earlier Verified step of the same file proved, i.e. what the step takes
    /// for granted. Null (absent from JSON) for other checkers and for steps refused before solving.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Assumptions { get; init; }

    /// <summary>For a Verified SMT step: the second solver that agreed. Null when one solver alone decided.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConfirmedBy { get; init; }
}

/// <summary>
/// The envelope every <c>check</c> command returns, and that the run store keeps: the worst verdict of the
/// obligations, the audit, and the conditions the check ran under.
/// </summary>
public sealed record CheckReport(string Checker, IReadOnlyList<ObligationResult> Obligations)
{
    [JsonPropertyOrder(-2)]
    public Verdict Verdict => Obligations.Select(o => o.Verdict).Worst();

    public string? CheckerVersion { get; init; }

    /// <summary>False when the user passed <c>--no-sandbox</c>: recorded with every result.</summary>
    public bool Sandboxed { get; init; } = true;

    /// <summary>
    /// False for a user's own statement with no canonical form: such a result can at best be
    /// "Verified (statement unvetted)".
    /// </summary>
    /// <remarks>Null (absent from JSON) where there is no statement to vet: SMT steps state their own claims.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? StatementVetted { get; init; } = true;

    public AuditReport? Audit { get; init; }

    /// <summary>Problems with the input or the run itself, not tied to one obligation.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    [JsonPropertyOrder(-1)]
    public string VerdictText => Verdict == Verdict.Verified && StatementVetted == false
        ? "Verified (statement unvetted)"
        : Verdict.ToString();
}
