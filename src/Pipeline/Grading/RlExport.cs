using System.Text.Json;
using ProofCheck.Core;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Pipeline.Grading;

/// <summary>
/// A run as the JSON Lines RL trainers and reward-model tools read: one line per model exchange that was checked
/// (each formalize answer, each repair answer) with its prompt, its completion, the reward the grading service
/// would give it, the verdict per target, and the request that regrades it (<c>verifier</c>, for POST /v1/grade).
/// </summary>
public static class RlExport
{
    private static readonly JsonSerializerOptions Compact = new(ReportJson.Options) { WriteIndented = false };

    /// <param name="spec">The reward of the <c>reward</c> field (binary when null); <c>partialReward</c> is always the partial spec's.</param>
    public static async Task WriteAsync(TextWriter writer, RunStore store, string runId, RewardSpec? spec = null, CancellationToken cancellationToken = default)
    {
        spec ??= new RewardSpec();
        var partial = RewardSpec.Named("partial");
        var run = store.GetRun(runId);
        // A recheck adds passes; the newest pass is the current checker's word on each artifact.
        var checks = store.Checks(run.Id)
            .GroupBy(c => (c.ProblemId, c.Sample, c.Target, c.Round))
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.Pass)!);
        var artifacts = store.Artifacts(run.Id).ToDictionary(a => (a.ProblemId, a.Sample, a.Target, a.Round));
        foreach (var attempt in store.Attempts(run.Id).Where(a => a.Key.Stage is Stages.Formalize or Stages.Repair))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var k = attempt.Key;
            var targets = k.Stage == Stages.Repair ? [k.Target] : run.Config.Targets.Where(t => artifacts.ContainsKey((k.ProblemId, k.Sample, t, k.Round))).ToList();
            var reports = targets
                .Where(t => checks.ContainsKey((k.ProblemId, k.Sample, t, k.Round)))
                .ToDictionary(t => t, t => checks[(k.ProblemId, k.Sample, t, k.Round)].Report, StringComparer.Ordinal);
            if (reports.Count == 0)
            {
                continue; // Not checked yet (an interrupted run): no reward to give.
            }

            var anyCode = reports.Keys.Any(t => artifacts[(k.ProblemId, k.Sample, t, k.Round)].HasCode);
            var truncated = Grader.IsTruncated(attempt.FinishReason);
            var grade = truncated
                ? Grader.Unchecked([.. reports.Keys], spec, GradeReasons.Truncated, "cut off at the token limit")
                : Grade.Of(reports, anyCode, spec);
            var partialReward = truncated ? partial.FailureReward : Grade.Of(reports, anyCode, partial).Reward;
            var line = new
            {
                Prompt = attempt.Prompt,
                Completion = attempt.Response,
                grade.Reward,
                PartialReward = partialReward,
                grade.Reason,
                // The checkers' verdicts stand even for a truncated answer: the reward, not the record, discounts it.
                Verdicts = reports.ToDictionary(r => r.Key, r => r.Value.VerdictText, StringComparer.Ordinal),
                k.ProblemId,
                k.Sample,
                k.Stage,
                k.Round,
                attempt.FinishReason,
                Verifier = new { Endpoint = "/v1/grade", Problem = k.ProblemId, Targets = reports.Keys, Reward = spec.Kind.ToString().ToLowerInvariant() },
            };
            await writer.WriteLineAsync(JsonSerializer.Serialize(line, Compact)).ConfigureAwait(false);
        }
    }
}
