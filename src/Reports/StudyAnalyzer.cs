using ProofCheck.Core;
using ProofCheck.Reports.Statistics;
using ProofCheck.Reports.Study;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Reports;

/// <summary>Turns a <see cref="StudyRun"/> into the figures of a <see cref="StudyReport"/>. No model calls, no store reads.</summary>
public static class StudyAnalyzer
{
    /// <summary>The scope name for "at least one target verified".</summary>
    public const string AnyTarget = "any";

    public static StudyReport Analyze(StudyRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var outcomes = new Outcomes(run);
        return new StudyReport(run.RunId, run.Model, run.PromptStyle, run.Targets, run.Samples, run.RepairRounds)
        {
            Problems = run.Problems.Count,
            Rates = Rates(run, outcomes),
            PassAtK = PassAtK(run, outcomes),
            Memorization = Memorization(run, outcomes),
            Overclaim = Overclaim(run, outcomes),
            SmtSteps = new StagePair<SmtStepFigures>(SmtSteps(run, Stage.RoundZero), SmtSteps(run, Stage.AfterRepair)),
            RepairHistogram = RepairHistogram(run),
            Cost = new CostFigures(
                run.Answers.Sum(a => a.InputTokens) + Distinct(run).Sum(r => r.InputTokens),
                run.Answers.Sum(a => a.OutputTokens) + Distinct(run).Sum(r => r.OutputTokens),
                run.Answers.Sum(a => a.Ms) + Distinct(run).Sum(r => r.ModelMs),
                run.Attempts.SelectMany(a => a.Rounds).Sum(r => r.CheckMs)),
        };
    }

    /// <summary>Run A against run B on the problems both ran, paired problem by problem (any target).</summary>
    public static RunComparison Compare(StudyRun a, StudyRun b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var inB = b.Problems.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var common = a.Problems.Select(p => p.Id).Where(inB.Contains).Order(StringComparer.Ordinal).ToList();
        var oa = new Outcomes(a);
        var ob = new Outcomes(b);
        PairedComparison At(Stage stage) => Paired(
            common.Select(id => (oa.Samples(id, AnyTarget, stage), (IReadOnlyList<IReadOnlyList<bool>>)[ob.Samples(id, AnyTarget, stage)])).ToList());
        return new RunComparison(a.RunId, b.RunId, a.Model, b.Model, common, new StagePair<PairedComparison>(At(Stage.RoundZero), At(Stage.AfterRepair)));
    }

    private static List<RateRow> Rates(StudyRun run, Outcomes outcomes)
    {
        var rows = new List<RateRow>();
        foreach (var target in run.Targets.Append(AnyTarget))
        {
            rows.Add(new RateRow("target", target, Both(stage => Pool(run.Problems.Select(p => outcomes.Samples(p.Id, target, stage))))));
        }

        foreach (var kind in run.Problems.Select(p => p.Kind).Distinct().Order(StringComparer.Ordinal))
        {
            rows.Add(new RateRow("kind", kind, Both(stage => Pool(run.Problems.Where(p => p.Kind == kind).Select(p => outcomes.Samples(p.Id, AnyTarget, stage))))));
        }

        foreach (var tag in run.Problems.SelectMany(p => p.Tags).Distinct().Order(StringComparer.Ordinal))
        {
            rows.Add(new RateRow("tag", tag, Both(stage => Pool(run.Problems.Where(p => p.Tags.Contains(tag)).Select(p => outcomes.Samples(p.Id, AnyTarget, stage))))));
        }

        return rows;
    }

    private static List<PassAtKRow> PassAtK(StudyRun run, Outcomes outcomes)
    {
        var rows = new List<PassAtKRow>();
        var most = run.Problems.Select(p => outcomes.Samples(p.Id, AnyTarget, Stage.RoundZero).Count).DefaultIfEmpty(0).Max();
        foreach (var target in run.Targets.Append(AnyTarget))
        {
            for (var k = 1; k <= most; k++)
            {
                rows.Add(new PassAtKRow(target, k, Both(stage => Estimates.MeanPassAtK(
                    [.. run.Problems.Select(p => outcomes.Samples(p.Id, target, stage)).Where(s => s.Count > 0).Select(s => (s.Count, s.Count(v => v)))], k))));
            }
        }

        return rows;
    }

    private static MemorizationProbe Memorization(StudyRun run, Outcomes outcomes)
    {
        var ids = run.Problems.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        // Families are sorted by id so the bootstrap resamples the same list in every run of the report.
        var families = run.Problems
            .Where(p => !p.IsVariant && run.Problems.Any(v => v.IsVariant && v.Family == p.Id))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => (Original: p, Variants: run.Problems.Where(v => v.IsVariant && v.Family == p.Id).OrderBy(v => v.Id, StringComparer.Ordinal).ToList()))
            .ToList();

        var comparisons = families.Select(f => new FamilyComparison(
            f.Original.Id, f.Original.Title, f.Variants.Select(v => v.Variation).FirstOrDefault(v => v is not null), f.Variants.Count,
            Both(stage =>
            {
                var pooled = Paired([(outcomes.Samples(f.Original.Id, AnyTarget, stage), [.. f.Variants.Select(v => outcomes.Samples(v.Id, AnyTarget, stage))])]);
                return new FamilyFigures(pooled.First, pooled.Second, pooled.Difference.Value, pooled.McNemar);
            }))).ToList();

        var pooled = Both(stage => Paired([.. families.Select(f => (
            outcomes.Samples(f.Original.Id, AnyTarget, stage),
            (IReadOnlyList<IReadOnlyList<bool>>)[.. f.Variants.Select(v => outcomes.Samples(v.Id, AnyTarget, stage))]))]));
        return new MemorizationProbe(comparisons, pooled)
        {
            OriginalOnlyFamilies = [.. comparisons.Where(c => c.Figures.RoundZero.OriginalOnly).Select(c => c.Family)],
        };
    }

    /// <summary>
    /// Paired units (a family: its original and variants; a problem in two runs): the rates pooled over samples, the
    /// mean per-unit difference with a paired bootstrap over units, and McNemar on (first sample s, second sample s).
    /// </summary>
    private static PairedComparison Paired(IReadOnlyList<(IReadOnlyList<bool> First, IReadOnlyList<IReadOnlyList<bool>> Seconds)> units)
    {
        var usable = units.Where(u => u.First.Count > 0 && u.Seconds.Any(s => s.Count > 0)).ToList();
        var first = Pool(usable.Select(u => u.First));
        var second = Pool(usable.SelectMany(u => u.Seconds));
        var differences = usable.Select(u =>
        {
            var all = u.Seconds.SelectMany(s => s).ToList();
            return (u.First.Count(v => v) / (double)u.First.Count, all.Count(v => v) / (double)all.Count);
        }).ToList();
        var pairs = usable.SelectMany(u => u.Seconds.SelectMany(s => s.Zip(u.First, (second, first) => (first, second)))).ToList();
        return new PairedComparison(usable.Count, first, second, Estimates.PairedDifference(differences), Estimates.McNemar(pairs));
    }

    private static OverclaimFigures Overclaim(StudyRun run, Outcomes outcomes)
    {
        var claims = run.Answers.Where(a => a.ClaimsComplete).ToList();
        return new OverclaimFigures(
            Rate.Of(claims.Count, run.Answers.Count),
            Both(stage => Rate.Of(claims.Count(a => !outcomes.Verified(a.ProblemId, a.Sample, AnyTarget, stage)), claims.Count)));
    }

    private static SmtStepFigures SmtSteps(StudyRun run, Stage stage)
    {
        var proofs = run.Attempts.Where(a => a.Target == CheckTargets.Smt.Name && a.Rounds.Count > 0)
            .Select(a => stage == Stage.RoundZero ? a.Rounds[0] : a.Rounds[^1])
            .ToList();
        var steps = proofs.SelectMany(p => p.Obligations).ToList();
        var byVerdict = Enum.GetValues<Verdict>().ToDictionary(v => v.ToString(), v => steps.Count(s => s.Verdict == v));
        return new SmtStepFigures(proofs.Count, steps.Count, byVerdict,
            byVerdict.ToDictionary(kv => kv.Key, kv => steps.Count == 0 ? 0.0 : kv.Value / (double)steps.Count))
        {
            ProofsAllStepsVerified = proofs.Count(p => p.Obligations.Count > 0 && p.Obligations.All(o => o.Verdict == Verdict.Verified)),
        };
    }

    private static List<RepairBin> RepairHistogram(StudyRun run)
    {
        var bins = new List<RepairBin>();
        foreach (var target in run.Targets)
        {
            var mine = run.Attempts.Where(a => a.Target == target).ToList();
            for (var round = 0; round <= run.RepairRounds; round++)
            {
                bins.Add(new RepairBin(target, round, mine.Count(a => a.VerifiedAtRound == round)));
            }

            bins.Add(new RepairBin(target, null, mine.Count(a => a.VerifiedAtRound is null)));
        }

        return bins;
    }

    // The formalize exchange produced round 0 of every target: count its cost once, not once per target.
    private static IEnumerable<RoundResult> Distinct(StudyRun run) =>
        run.Attempts.SelectMany(a => a.Rounds.Where(r => r.Round > 0))
            .Concat(run.Attempts.GroupBy(a => (a.ProblemId, a.Sample)).Select(g => g.First().Rounds.FirstOrDefault()).OfType<RoundResult>());

    private static Rate Pool(IEnumerable<IReadOnlyList<bool>> samples)
    {
        var all = samples.SelectMany(s => s).ToList();
        return Rate.Of(all.Count(v => v), all.Count);
    }

    private static StagePair<T> Both<T>(Func<Stage, T> figure) => new(figure(Stage.RoundZero), figure(Stage.AfterRepair));

    /// <summary>Verified or not, per problem, sample, scope and stage.</summary>
    private sealed class Outcomes(StudyRun run)
    {
        private readonly ILookup<string, TargetAttempt> byProblem = run.Attempts.ToLookup(a => a.ProblemId, StringComparer.Ordinal);
        private readonly ILookup<string, int> answered = run.Answers.ToLookup(a => a.ProblemId, a => a.Sample, StringComparer.Ordinal);

        /// <summary>One entry per sample the problem has (in sample order): did the scope verify at this stage?</summary>
        public IReadOnlyList<bool> Samples(string problemId, string scope, Stage stage)
        {
            var attempts = byProblem[problemId].ToList();
            var samples = scope == AnyTarget
                ? attempts.Select(a => a.Sample).Concat(answered[problemId])
                : attempts.Where(a => a.Target == scope).Select(a => a.Sample);
            return [.. samples.Distinct().Order().Select(s => Verified(problemId, s, scope, stage))];
        }

        public bool Verified(string problemId, int sample, string scope, Stage stage) =>
            byProblem[problemId].Any(a => a.Sample == sample && (scope == AnyTarget || a.Target == scope) && a.Verified(stage));
    }
}
