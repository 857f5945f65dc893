using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProofCheck.Server;

/// <summary>
/// One grading request as sent (README, "As a reward for RL"). Unknown fields are refused, so a misspelt field is a
/// 400 naming it rather than a silently ignored setting.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record GradeRequestBody
{
    /// <summary>A problem id of the served problem set; or send <see cref="Statement"/> instead.</summary>
    public string? Problem { get; init; }

    /// <summary>A canonical statement: an object by target (<c>{"coq": "…"}</c>), or a string for the one formal target requested.</summary>
    public JsonElement? Statement { get; init; }

    /// <summary>The whole model answer: reasoning, proof and fenced code blocks.</summary>
    public string? Completion { get; init; }

    /// <summary>Targets to check ("coq", "lean", "smt"); default: coq (when the problem has a Coq statement) and smt.</summary>
    public IReadOnlyList<string>? Targets { get; init; }

    /// <summary>"binary" (default), "partial", or an object <c>{"kind": "partial", "refutedCost": 0.5, …}</c>.</summary>
    public JsonElement? Reward { get; init; }

    /// <summary>The generator's finish reason; "length" (or "max_tokens") marks a truncated answer.</summary>
    public string? FinishReason { get; init; }

    /// <summary>Anything the caller wants echoed back (a sample id).</summary>
    public JsonElement? Id { get; init; }
}

/// <summary>A batch: many grades in one request, answered in the same order.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record BatchRequestBody
{
    public IReadOnlyList<GradeRequestBody?>? Items { get; init; }
}

/// <summary>The JSON for a reward given as an object.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record RewardSpecBody
{
    public string? Kind { get; init; }

    public double? FailureReward { get; init; }

    public double? CheatPenalty { get; init; }

    public double? RefutedCost { get; init; }

    public double? AssumptionCost { get; init; }
}
