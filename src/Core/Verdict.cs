namespace ProofCheck.Core;

/// <summary>What a checker concluded about one artifact. The soundness contract: only <see cref="Verified"/> says "proved", and only a real checker run plus a passed audit may produce it.</summary>
public enum Verdict
{
    /// <summary>A real checker accepted the artifact and the audit passed. Nothing else may produce it.</summary>
    Verified,

    /// <summary>The claim is false; a counterexample is attached.</summary>
    Refuted,

    /// <summary>The checker reported errors (the proof does not check).</summary>
    Failed,

    /// <summary>The audit refused the artifact: a cheat, a changed statement, a forbidden construct, a vacuous obligation.</summary>
    Rejected,

    /// <summary>The checker ran out of time.</summary>
    Timeout,

    /// <summary>The checker could not decide.</summary>
    Unknown,

    /// <summary>The checker needed for this artifact is not installed or cannot run.</summary>
    CheckerUnavailable,
}

public static class VerdictExtensions
{
    /// <summary>
    /// How bad a verdict is when several are folded into one: a cheat outranks a false claim, which
    /// outranks an error, and so on down to <see cref="Verdict.Verified"/>, the only verdict of rank 0.
    /// </summary>
    public static int Severity(this Verdict verdict) => verdict switch
    {
        Verdict.Verified => 0,
        Verdict.CheckerUnavailable => 1,
        Verdict.Unknown => 2,
        Verdict.Timeout => 3,
        Verdict.Failed => 4,
        Verdict.Refuted => 5,
        Verdict.Rejected => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown verdict."),
    };

    /// <summary>The worst of the given verdicts; an empty set is <see cref="Verdict.Unknown"/>, never Verified.</summary>
    public static Verdict Worst(this IEnumerable<Verdict> verdicts)
    {
        Verdict? worst = null;
        foreach (var v in verdicts)
        {
            if (worst is null || v.Severity() > worst.Value.Severity())
            {
                worst = v;
            }
        }

        return worst ?? Verdict.Unknown;
    }
}
