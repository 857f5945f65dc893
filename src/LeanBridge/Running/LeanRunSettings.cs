namespace ProofCheck.LeanBridge.Running;

/// <summary>The limits every Lean process of one check runs under.</summary>
public sealed record LeanRunSettings
{
    /// <summary>Wall-clock limit per Lean process; the whole process tree is killed when it passes.</summary>
    public TimeSpan Timeout { get; init; } = LeanTarget.DefaultTimeout;

    /// <summary>Passed as <c>-DmaxHeartbeats</c> (Lean's default is 200000; 0 would mean unlimited and is refused).</summary>
    public int MaxHeartbeats { get; init; } = 400_000;

    /// <summary>Address-space cap per Lean process. <c>import Mathlib</c> alone maps several GiB.</summary>
    public long MemoryLimitBytes { get; init; } = 12L * 1024 * 1024 * 1024;

    public bool Sandboxed { get; init; } = true;
}
