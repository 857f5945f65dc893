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
}

/// <summary>What one target's checker was given in one round: the code extracted from the model's answer.</summary>
public sealed record ArtifactRecord(string ProblemId, int Sample, string Target, int Round, string Content, bool HasCode);

/// <summary>One checker run over one artifact. Pass 0 is the run itself; each <c>recheck</c> adds the next pass.</summary>
public sealed record CheckRecord(string ProblemId, int Sample, string Target, int Round, int Pass, CheckReport Report)
{
    public long Ms { get; init; }

    public Verdict Verdict => Report.Verdict;
}
