using ProofCheck.Core;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Store;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Pipeline.Reports;

/// <summary>
/// The outcome of one sample on one target: the verdict of its last round (at the latest check pass), or, when the
/// model never finished the answer the target needed (prove or formalize), which answer and how.
/// </summary>
public sealed record SampleOutcome(int Sample, string Target, int Rounds, CheckRecord? Check)
{
    /// <summary>Set when the sample stopped at an unfinished prove or formalize answer: nothing was checked.</summary>
    public (string Stage, AnswerStatus Status)? Unfinished { get; init; }

    public Verdict Verdict => Check?.Verdict ?? Verdict.Unknown;

    public string VerdictText => Unfinished is { } u ? $"{u.Stage}: {AnswerCheck.Describe(u.Status)}" : Check?.Report.VerdictText ?? "not checked";
}

/// <summary>
/// One problem and target over all samples: the best verdict, how many samples verified, how many stopped at an
/// unfinished answer, rounds used.
/// </summary>
public sealed record TargetSummary(string Target, Verdict Verdict, string VerdictText, int SamplesVerified, int Samples, int? RoundsToVerify, int RoundsUsed)
{
    public int SamplesUnfinished { get; init; }
}

/// <summary>A problem's results; <paramref name="UnfinishedAnswers"/> counts the model answers of each unfinished kind.</summary>
public sealed record ProblemSummary(string ProblemId, IReadOnlyList<TargetSummary> Targets, long Tokens, long Ms, IReadOnlyList<SampleOutcome> Outcomes)
{
    public IReadOnlyDictionary<AnswerStatus, int> UnfinishedAnswers { get; init; } = new Dictionary<AnswerStatus, int>();
}

/// <summary>Folds a run's stored checks into per-problem, per-target results (what <c>show</c> and the end of <c>run</c> print).</summary>
public static class RunSummary
{
    public static IReadOnlyList<ProblemSummary> Build(RunStore store, RunInfo run, string? problemId = null)
    {
        var problems = store.RunProblems(run.Id).Select(p => p.ProblemId)
            .Where(id => problemId is null || id == problemId).ToList();
        var attempts = store.Attempts(run.Id, problemId).GroupBy(a => a.Key.ProblemId).ToDictionary(g => g.Key, g => g.ToList());
        var checks = store.Checks(run.Id, problemId).GroupBy(c => c.ProblemId).ToDictionary(g => g.Key, g => g.ToList());
        var artifacts = store.Artifacts(run.Id, problemId).GroupBy(a => a.ProblemId).ToDictionary(g => g.Key, g => g.ToList());

        var snapshots = RunEngine.Problems(store, run.Id).ToDictionary(p => p.Id);
        var result = new List<ProblemSummary>();
        foreach (var id in problems)
        {
            var problemChecks = checks.GetValueOrDefault(id) ?? [];
            var problemArtifacts = artifacts.GetValueOrDefault(id) ?? [];
            var problemAttempts = attempts.GetValueOrDefault(id) ?? [];
            var outcomes = problemArtifacts
                .GroupBy(a => (a.Sample, a.Target))
                .OrderBy(g => g.Key.Sample).ThenBy(g => g.Key.Target, StringComparer.Ordinal)
                .Select(g =>
                {
                    var last = g.Max(a => a.Round);
                    var check = problemChecks.Where(c => c.Sample == g.Key.Sample && c.Target == g.Key.Target && c.Round == last)
                        .MaxBy(c => c.Pass);
                    return new SampleOutcome(g.Key.Sample, g.Key.Target, last, check);
                })
                .ToList();

            // A sample whose prove or formalize answer was unfinished has no artifacts: it gets one outcome per
            // target it would have had, saying which answer stopped it.
            var applicable = run.Config.Targets.Where(t => snapshots.TryGetValue(id, out var p) && CheckTargets.Applies(p, t)).ToList();
            foreach (var stopped in problemAttempts.Where(a => a.Answer != AnswerStatus.Complete && a.Key.Stage is Stages.Prove or Stages.Formalize))
            {
                outcomes.AddRange(applicable.Select(t => new SampleOutcome(stopped.Key.Sample, t, 0, null) { Unfinished = (stopped.Key.Stage, stopped.Answer) }));
            }

            outcomes = [.. outcomes.OrderBy(o => o.Sample).ThenBy(o => o.Target, StringComparer.Ordinal)];

            var targets = run.Config.Targets
                .Where(t => outcomes.Any(o => o.Target == t))
                .Select(t =>
                {
                    var mine = outcomes.Where(o => o.Target == t).ToList();
                    var best = mine.Where(o => o.Check is not null).MinBy(o => o.Verdict.Severity()) ?? mine[0];
                    var verified = mine.Where(o => o.Verdict == Verdict.Verified).ToList();
                    return new TargetSummary(
                        t, best.Verdict, best.VerdictText, verified.Count, mine.Count,
                        verified.Count == 0 ? null : verified.Min(o => o.Rounds),
                        mine.Sum(o => o.Rounds))
                    {
                        SamplesUnfinished = mine.Count(o => o.Unfinished is not null),
                    };
                })
                .ToList();

            var tokens = problemAttempts.Sum(a => a.InputTokens + a.OutputTokens);
            var ms = problemAttempts.Sum(a => a.Ms) + problemChecks.Where(c => c.Pass == 0).Sum(c => c.Ms);
            result.Add(new ProblemSummary(id, targets, tokens, ms, outcomes)
            {
                UnfinishedAnswers = problemAttempts.Where(a => a.Answer != AnswerStatus.Complete).GroupBy(a => a.Answer).ToDictionary(g => g.Key, g => g.Count()),
            });
        }

        return result;
    }
}
