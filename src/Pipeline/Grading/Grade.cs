using ProofCheck.Core;

namespace ProofCheck.Pipeline.Grading;

/// <summary>Why a grade came out as it did, in one word a training script can count.</summary>
public static class GradeReasons
{
    /// <summary>Every requested target is Verified.</summary>
    public const string Verified = "verified";

    /// <summary>Some targets are Verified (partial credit).</summary>
    public const string Partial = "partial";

    /// <summary>The audit refused a target: a forbidden construct, a changed statement, a vacuous or circular step.</summary>
    public const string Cheat = "cheat";

    /// <summary>The answer is empty or only whitespace.</summary>
    public const string Empty = "empty";

    /// <summary>The answer was cut off by the token limit (the caller said so): nothing was checked.</summary>
    public const string Truncated = "truncated";

    /// <summary>No requested target has a code block in the answer.</summary>
    public const string NoCode = "no-code";

    /// <summary>The checks did not finish within the request's time limit.</summary>
    public const string TimeLimit = "time-limit";

    /// <summary>Code was checked and is not Verified (errors, refuted or undecided claims, checker timeouts).</summary>
    public const string Failed = "failed";
}

/// <summary>
/// The grade of one completion: the reward, its reason, and each requested target's full check report (verdict,
/// audit findings, diagnostics, and for SMT the step table as its obligations).
/// </summary>
public sealed record Grade(double Reward, string Reason, IReadOnlyDictionary<string, CheckReport> Targets)
{
    /// <summary>The verdict text per target ("Verified", "Rejected", …), for a quick look.</summary>
    public IReadOnlyDictionary<string, string> Verdicts =>
        Targets.ToDictionary(t => t.Key, t => t.Value.VerdictText, StringComparer.Ordinal);

    /// <summary>The grade of these per-target reports under <paramref name="spec"/>; <paramref name="anyCode"/> says whether any target had code.</summary>
    public static Grade Of(IReadOnlyDictionary<string, CheckReport> reports, bool anyCode, RewardSpec spec)
    {
        var values = reports.Values.ToList();
        var reward = spec.Score(values);
        return new Grade(reward, ReasonFor(values, anyCode, reward, spec), reports);
    }

    private static string ReasonFor(IReadOnlyCollection<CheckReport> reports, bool anyCode, double reward, RewardSpec spec)
    {
        if (reports.Any(r => r.Verdict == Verdict.Rejected))
        {
            return GradeReasons.Cheat;
        }

        if (reports.Count > 0 && reports.All(r => r.Verdict == Verdict.Verified))
        {
            return GradeReasons.Verified;
        }

        if (!anyCode)
        {
            return GradeReasons.NoCode;
        }

        return reward > spec.FailureReward ? GradeReasons.Partial : GradeReasons.Failed;
    }
}
