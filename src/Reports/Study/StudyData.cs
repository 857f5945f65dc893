using ProofCheck.Core;

namespace ProofCheck.Reports.Study;

/// <summary>
/// One run as the report sees it: plain facts read from the store once (see <see cref="StudyReader"/>), so every
/// statistic is computed from the same snapshot and the analysis can be tested on hand-made data.
/// </summary>
public sealed record StudyRun(string RunId, string Model, string PromptStyle, IReadOnlyList<string> Targets, int Samples, int RepairRounds)
{
    public required IReadOnlyList<StudyProblem> Problems { get; init; }

    /// <summary>One row per problem, sample and target: what the checker said at each round.</summary>
    public required IReadOnlyList<TargetAttempt> Attempts { get; init; }

    /// <summary>One row per problem and sample: the model's natural-language answer.</summary>
    public required IReadOnlyList<NlAnswer> Answers { get; init; }
}

/// <summary>
/// A problem of the run. <see cref="Family"/> is the id of the problem whose variant family it belongs to (its own id
/// for an original), so originals and variants can be paired.
/// </summary>
public sealed record StudyProblem(string Id, string Title, string Family, bool IsVariant, string Kind, IReadOnlyList<string> Tags)
{
    /// <summary>What the variant perturbs (other-base, renamed-symbols, changed-constants); null for an original.</summary>
    public string? Variation { get; init; }

    public string StatementMarkdown { get; init; } = string.Empty;
}

/// <summary>One sample of one problem on one target, through every round it took.</summary>
public sealed record TargetAttempt(string ProblemId, int Sample, string Target, IReadOnlyList<RoundResult> Rounds)
{
    /// <summary>The model alone, before any checker feedback.</summary>
    public Verdict RoundZero => Rounds.Count == 0 ? Verdict.Unknown : Rounds[0].Verdict;

    /// <summary>The verdict of the last round taken.</summary>
    public Verdict AfterRepair => Rounds.Count == 0 ? Verdict.Unknown : Rounds[^1].Verdict;

    /// <summary>The first round whose artifact verified, or null.</summary>
    public int? VerifiedAtRound => Rounds.FirstOrDefault(r => r.Verdict == Verdict.Verified)?.Round;

    public bool Verified(Stage stage) => (stage == Stage.RoundZero ? RoundZero : AfterRepair) == Verdict.Verified;
}

/// <summary>The two points every rate is reported at: only the round-0 one measures the model alone.</summary>
public enum Stage
{
    RoundZero,
    AfterRepair,
}

/// <summary>One round of one target: the artifact, the checker's verdict on it and what the exchange cost.</summary>
public sealed record RoundResult(int Round, Verdict Verdict, string VerdictText)
{
    public string Code { get; init; } = string.Empty;

    public bool HasCode { get; init; }

    /// <summary>Per obligation (an SMT step, or the main theorem): label, verdict, counterexample.</summary>
    public IReadOnlyList<ObligationResult> Obligations { get; init; } = [];

    /// <summary>Diagnostics of the check itself (not tied to an obligation), e.g. the audit's.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Tokens of the model exchange that produced this round's artifact (round 0: the formalize exchange).</summary>
    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long ModelMs { get; init; }

    public long CheckMs { get; init; }
}

/// <summary>The natural-language answer of one sample, and whether it claims to be a complete proof.</summary>
public sealed record NlAnswer(string ProblemId, int Sample, string Text, bool ClaimsComplete)
{
    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long Ms { get; init; }
}
