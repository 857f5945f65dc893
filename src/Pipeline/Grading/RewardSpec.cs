using ProofCheck.Core;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Pipeline.Grading;

/// <summary>How a grade becomes a number.</summary>
public enum RewardKind
{
    /// <summary>1 only when every requested target is Verified, else 0 (a detected cheat: <see cref="RewardSpec.CheatPenalty"/>).</summary>
    Binary,

    /// <summary>
    /// Partial credit: the mean over targets of each target's score. An SMT target scores the share of its steps
    /// that are Verified, less <see cref="RewardSpec.RefutedCost"/> per refuted step and
    /// <see cref="RewardSpec.AssumptionCost"/> per unproven assumption of a verified step (never below 0); Coq and Lean
    /// score 1 when Verified, else 0. A detected cheat anywhere still gives <see cref="RewardSpec.CheatPenalty"/>.
    /// </summary>
    Partial,
}

/// <summary>
/// A reward specification. A cheat (any target <see cref="Verdict.Rejected"/>: a forbidden construct, a changed
/// statement, a vacuous or circular step) always scores <see cref="CheatPenalty"/>, below a plain failure's
/// <see cref="FailureReward"/>, so that under RL cheating is never the better bet than an honest failed attempt.
/// </summary>
public sealed record RewardSpec
{
    public static readonly IReadOnlyList<string> KindNames = ["binary", "partial"];

    public RewardKind Kind { get; init; } = RewardKind.Binary;

    /// <summary>What a failure scores: no code, an error, a refuted or unproved claim, a timeout, a truncated or empty answer.</summary>
    public double FailureReward { get; init; }

    /// <summary>What a detected cheat scores; must be below <see cref="FailureReward"/>.</summary>
    public double CheatPenalty { get; init; } = -1;

    /// <summary>Partial only: what each refuted SMT step takes off, as a share of one step (0.5 = half a verified step).</summary>
    public double RefutedCost { get; init; } = 0.5;

    /// <summary>
    /// Partial only: what each unproven assumption of a Verified SMT step takes off, as a share of one step. A step
    /// that proves its claim from hypotheses no earlier step proved has shown only "if these, then that"; without a
    /// cost a policy learns to assume whatever makes each step trivial. The default is 0 because honest step proofs
    /// state definitions as hypotheses too (s = 0 for an empty sum); a trainer that sees assumption-gaming raises it.
    /// </summary>
    public double AssumptionCost { get; init; }

    /// <summary>The spec named <paramref name="name"/> with its default costs; throws <see cref="UserInputException"/> for an unknown name.</summary>
    public static RewardSpec Named(string name) => name.Trim().ToLowerInvariant() switch
    {
        "binary" => new RewardSpec { Kind = RewardKind.Binary },
        "partial" => new RewardSpec { Kind = RewardKind.Partial },
        _ => throw new UserInputException($"Unknown reward '{name}'; use one of: {string.Join(", ", KindNames)}."),
    };

    /// <summary>Throws <see cref="UserInputException"/> when the costs would make cheating pay or are out of range.</summary>
    public void Validate()
    {
        if (!(CheatPenalty < FailureReward))
        {
            throw new UserInputException($"cheatPenalty ({CheatPenalty}) must be below failureReward ({FailureReward}): otherwise cheating is as good a bet as an honest failure.");
        }

        if (FailureReward is < -1 or >= 1 || CheatPenalty < -10)
        {
            throw new UserInputException("failureReward must be in [-1, 1) and cheatPenalty at least -10 (a verified answer scores 1).");
        }

        if (RefutedCost is < 0 or > 10)
        {
            throw new UserInputException("refutedCost must be between 0 and 10.");
        }

        if (AssumptionCost is < 0 or > 1)
        {
            throw new UserInputException("assumptionCost must be between 0 and 1 (a share of one verified step).");
        }
    }

    /// <summary>The reward for these per-target reports (every requested target has one).</summary>
    public double Score(IReadOnlyCollection<CheckReport> reports)
    {
        if (reports.Count == 0)
        {
            return FailureReward;
        }

        if (reports.Any(r => r.Verdict == Verdict.Rejected))
        {
            return CheatPenalty;
        }

        if (Kind == RewardKind.Binary)
        {
            return reports.All(r => r.Verdict == Verdict.Verified) ? 1 : FailureReward;
        }

        var mean = reports.Average(TargetScore);
        // A partial score of 0 is a failure: it earns FailureReward, so the scale runs from FailureReward to 1.
        return mean <= 0 ? FailureReward : FailureReward + ((1 - FailureReward) * mean);
    }

    private double TargetScore(CheckReport report)
    {
        if (report.Checker != CheckTargets.Smt.Name || report.Obligations.Count == 0)
        {
            return report.Verdict == Verdict.Verified ? 1 : 0;
        }

        // A verified step is worth at most one step, less its unproven assumptions, never less than nothing.
        var verified = report.Obligations
            .Where(o => o.Verdict == Verdict.Verified)
            .Sum(o => Math.Max(0, 1 - (AssumptionCost * (o.Assumptions?.Count ?? 0))));
        var refuted = report.Obligations.Count(o => o.Verdict == Verdict.Refuted);
        return Math.Max(0, (verified - (RefutedCost * refuted)) / report.Obligations.Count);
    }
}
