namespace ProofCheck.Execution;

/// <summary>What a finished run produced. A run that timed out is a result (<see cref="TimedOut"/>), not an exception.</summary>
public sealed record ProcessResult(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Duration)
{
    /// <summary>The wall-clock limit passed and the process tree was killed.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Standard output exceeded the cap; <see cref="StandardOutput"/> holds only its beginning.</summary>
    public bool StandardOutputTruncated { get; init; }

    public bool StandardErrorTruncated { get; init; }

    public bool Sandboxed { get; init; }

    /// <summary>Exit codes of 128 + N mean the process died of signal N (137: SIGKILL, e.g. out of memory; 134: SIGABRT).</summary>
    public int? Signal => ExitCode > 128 && ExitCode < 160 ? ExitCode - 128 : null;
}
