using ProofCheck.Reports.Statistics;

namespace ProofCheck.Reports;

// The report's one document: what --json writes and what the terminal tables and the HTML show. Every field is
// documented in README.md ("proofcheck report --json"); change both together.

/// <summary>A figure at round 0 (the model alone) and after the repair rounds (with checker feedback), side by side.</summary>
public sealed record StagePair<T>(T RoundZero, T AfterRepair);

public sealed record StudyReport(string RunId, string Model, string PromptStyle, IReadOnlyList<string> Targets, int Samples, int RepairRounds)
{
    public int Problems { get; init; }

    /// <summary>Verified rates by target, by provenance kind and by tag.</summary>
    public required IReadOnlyList<RateRow> Rates { get; init; }

    public required IReadOnlyList<PassAtKRow> PassAtK { get; init; }

    public required MemorizationProbe Memorization { get; init; }

    public required OverclaimFigures Overclaim { get; init; }

    public required StagePair<SmtStepFigures> SmtSteps { get; init; }

    public required IReadOnlyList<RepairBin> RepairHistogram { get; init; }

    public required CostFigures Cost { get; init; }
}

/// <summary>
/// One line of the rate tables. <see cref="Group"/> is "target", "kind" or "tag"; <see cref="Key"/> names the
/// target ("any" = at least one target verified), kind or tag. A trial is one sample of one problem.
/// </summary>
public sealed record RateRow(string Group, string Key, StagePair<Rate> Verified);

/// <summary>Mean unbiased pass@k over problems with a bootstrap interval over problems.</summary>
public sealed record PassAtKRow(string Target, int K, StagePair<Estimate> PassAtK);

/// <summary>Originals against their own variants, per family and pooled (a trial: one problem sample, any target).</summary>
public sealed record MemorizationProbe(IReadOnlyList<FamilyComparison> Families, StagePair<PairedComparison> Pooled)
{
    /// <summary>Families whose original verified at round 0 while none of its variants did: the memorization signal.</summary>
    public IReadOnlyList<string> OriginalOnlyFamilies { get; init; } = [];
}

public sealed record FamilyComparison(string Family, string Title, string? Variation, int Variants, StagePair<FamilyFigures> Figures);

/// <summary>
/// One family at one stage. <see cref="Difference"/> is original rate minus variant rate; the McNemar pairs are
/// (original sample s, variant sample s) for each variant.
/// </summary>
public sealed record FamilyFigures(Rate Original, Rate Variants, double? Difference, McNemarTest McNemar)
{
    public bool OriginalOnly => Original.Successes > 0 && Variants.Trials > 0 && Variants.Successes == 0;
}

/// <summary>
/// Two paired sets of trials pooled: <see cref="First"/> (originals; run A) against <see cref="Second"/> (variants;
/// run B). <see cref="Difference"/> is the mean over <see cref="Units"/> (families; problems) of the per-unit rate
/// difference, with a paired bootstrap over units; McNemar's test is on the paired samples.
/// </summary>
public sealed record PairedComparison(int Units, Rate First, Rate Second, Estimate Difference, McNemarTest McNemar);

/// <summary>
/// How often the natural-language answer claims a complete proof (<see cref="Claims"/>, of all answers), and how
/// often such a claim is not backed by any verified target (<see cref="Overclaims"/>, of the claims).
/// </summary>
public sealed record OverclaimFigures(Rate Claims, StagePair<Rate> Overclaims);

/// <summary>SMT proofs step by step: how many obligations each verdict got, over every SMT artifact of the stage.</summary>
public sealed record SmtStepFigures(int Proofs, int Steps, IReadOnlyDictionary<string, int> StepsByVerdict, IReadOnlyDictionary<string, double> Shares)
{
    /// <summary>SMT proofs whose every step verified.</summary>
    public int ProofsAllStepsVerified { get; init; }
}

/// <summary>How many (problem, sample) attempts on a target first verified at this round; Round null: never.</summary>
public sealed record RepairBin(string Target, int? Round, int Count);

public sealed record CostFigures(long InputTokens, long OutputTokens, long ModelMs, long CheckMs);

/// <summary><c>report RUN_A RUN_B</c>: the two runs on their common problems, paired problem by problem.</summary>
public sealed record RunComparison(string RunA, string RunB, string ModelA, string ModelB, IReadOnlyList<string> CommonProblems, StagePair<PairedComparison> Figures);
