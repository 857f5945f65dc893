using ProofCheck.Core;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Pipeline.Reports;

/// <summary>The outcome of one sample on one target: the verdict of its last round (at the latest check pass).</summary>
public sealed record SampleOutcome(int Sample, string Target, int Rounds, CheckRecord? Check)
{
    public Verdict Verdict => Check?.Verdict ?? Verdict.Unknown;

    public string VerdictText => Check?.Report.VerdictText ?? "not checked";
}

/// <summary>One problem and target over all samples: the best verdict, how many samples verified, rounds used.</summary>
public sealed record TargetSummary(string Target, Verdict Verdict, string VerdictText, int SamplesVerified, int Samples, int? RoundsToVerify, int RoundsUsed);

public sealed record ProblemSummary(string ProblemId, IReadOnlyList<TargetSummary> Targets, long Tokens, long Ms, IReadOnlyList<SampleOutcome> Outcomes);

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

        var result = new List<ProblemSummary>();
        foreach (var id in problems)
        {
            var problemChecks = checks.GetValueOrDefault(id) ?? [];
            var problemArtifacts = artifacts.GetValueOrDefault(id) ?? [];
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

            var targets = run.Config.Targets
                .Where(t => outcomes.Any(o => o.Target == t))
                .Select(t =>
                {
                    var mine = outcomes.Where(o => o.Target == t).ToList();
                    var best = mine.MinBy(o => o.Verdict.Severity())!;
                    var verified = mine.Where(o => o.Verdict == Verdict.Verified).ToList();
                    return new TargetSummary(
                        t, best.Verdict, best.VerdictText, verified.Count, mine.Count,
                        verified.Count == 0 ? null : verified.Min(o => o.Rounds),
                        mine.Sum(o => o.Rounds));
                })
                .ToList();

            var tokens = (attempts.GetValueOrDefault(id) ?? []).Sum(a => a.InputTokens + a.OutputTokens);
            var ms = (attempts.GetValueOrDefault(id) ?? []).Sum(a => a.Ms) + problemChecks.Where(c => c.Pass == 0).Sum(c => c.Ms);
            result.Add(new ProblemSummary(id, targets, tokens, ms, outcomes));
        }

        return result;
    }
}
