using ProofCheck.Core;
using ProofCheck.Pipeline.Runs;

namespace ProofCheck.Pipeline.Store;

/// <summary>The stages of the loop as the store names them.</summary>
public static class Stages
{
    public const string Prove = "prove";
    public const string Formalize = "formalize";
    public const string Repair = "repair";
}

/// <summary>One run: its configuration, the model, the checkers it met and whether it finished.</summary>
public sealed record RunInfo(string Id, DateTimeOffset CreatedAt, string Status, string Model, RunConfig Config)
{
    public const string Running = "running";
    public const string Interrupted = "interrupted";
    public const string Finished = "finished";

    /// <summary>The process running this run right now, when one is (a second process is refused while it lives).</summary>
    public int? OwnerPid { get; init; }

    /// <summary>The host of <see cref="OwnerPid"/> (null for stores written before hosts were kept: this machine).</summary>
    public string? OwnerHost { get; init; }

    /// <summary>"process PID" or "process PID on host HOST" for a run held on another machine.</summary>
    public string OwnerText => ProcessOwner.IsElsewhere(OwnerHost) ? $"process {OwnerPid} on host {OwnerHost}" : $"process {OwnerPid}";

    public DateTimeOffset? FinishedAt { get; init; }

    public IReadOnlyDictionary<string, string> CheckerVersions { get; init; } = new Dictionary<string, string>();

    public string? GitRevision { get; init; }

    public string? ProofCheckVersion { get; init; }
}

/// <summary>Names one model exchange. Prove and formalize answer for every target (Target is empty); repairs are per target.</summary>
public sealed record AttemptKey(string ProblemId, int Sample, string Stage, string Target, int Round);

/// <summary>One model exchange, exactly as sent and received.</summary>
public sealed record AttemptRecord(AttemptKey Key, string Prompt, string Response)
{
    public string? Reasoning { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public string? FinishReason { get; init; }

    public long Ms { get; init; }

    /// <summary>The model spec that produced this answer (null in stores older than schema 2).</summary>
    public string? Model { get; init; }

    /// <summary>The sampling settings sent with the request (null in stores older than schema 2).</summary>
    public SamplingSettings? Sampling { get; init; }

    /// <summary>Whether the model finished its answer; only a complete answer is formalized or checked.</summary>
    public AnswerStatus Answer { get; init; } = AnswerStatus.Complete;
}

/// <summary>The settings that shape one model answer, as sent with the request (null: the backend's default).</summary>
public sealed record SamplingSettings(int MaxTokens, float? Temperature, float? TopP, long? Seed);

/// <summary>
/// What the model's answer was, before anything reads it as a proof. Anything but <see cref="Complete"/> is stored and
/// shown as such and never formalized or checked: a proof cut off by the token limit is not a proof.
/// </summary>
public enum AnswerStatus
{
    /// <summary>The model ended its answer itself.</summary>
    Complete,

    /// <summary>The answer stopped at the token limit (finish reason "length"), often still inside its thinking.</summary>
    Truncated,

    /// <summary>The answer has no text outside its thinking.</summary>
    Empty,

    /// <summary>The answer is far longer than the token limit allows: the server ignored the limit.</summary>
    Oversized,
}

/// <summary>What one target's checker was given in one round: the code extracted from the model's answer.</summary>
public sealed record ArtifactRecord(string ProblemId, int Sample, string Target, int Round, string Content, bool HasCode);

/// <summary>One checker run over one artifact. Pass 0 is the run itself; each <c>recheck</c> adds the next pass.</summary>
public sealed record CheckRecord(string ProblemId, int Sample, string Target, int Round, int Pass, CheckReport Report)
{
    public long Ms { get; init; }

    public Verdict Verdict => Report.Verdict;
}
