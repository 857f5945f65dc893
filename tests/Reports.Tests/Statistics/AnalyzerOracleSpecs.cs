using System.Text.Json;
using ProofCheck.Core;
using ProofCheck.Reports.Statistics;
using ProofCheck.Reports.Study;

namespace ProofCheck.Reports.Tests.Statistics;

/// <summary>
/// The analysis of a fixed, hand-made study checked against the same table analysed independently in Python:
/// which verdicts count, how originals pair with variants, and the statistics computed from them.
/// </summary>
public sealed class AnalyzerOracleSpecs
{
    // problem, family, is variant, sample, coq round 0, coq after repair, smt round 0, smt after repair (1 = Verified).
    private static readonly (string Problem, string Family, bool Variant, int Sample, int Coq0, int Coq1, int Smt0, int Smt1)[] Table =
    [
        ("alpha", "alpha", false, 0, 1, 1, 0, 1), ("alpha", "alpha", false, 1, 0, 1, 1, 1),
        ("alpha/v1", "alpha", true, 0, 0, 0, 0, 1), ("alpha/v1", "alpha", true, 1, 0, 0, 0, 0),
        ("alpha/v2", "alpha", true, 0, 0, 1, 0, 0), ("alpha/v2", "alpha", true, 1, 0, 0, 0, 0),
        ("beta", "beta", false, 0, 1, 1, 1, 1), ("beta", "beta", false, 1, 1, 1, 0, 0),
        ("beta/v1", "beta", true, 0, 1, 1, 0, 0), ("beta/v1", "beta", true, 1, 0, 0, 0, 1),
        ("beta/v2", "beta", true, 0, 0, 0, 0, 0), ("beta/v2", "beta", true, 1, 0, 0, 0, 0),
        ("beta/v3", "beta", true, 0, 0, 1, 0, 1), ("beta/v3", "beta", true, 1, 0, 0, 0, 0),
        ("gamma", "gamma", false, 0, 0, 0, 0, 0), ("gamma", "gamma", false, 1, 0, 1, 0, 0),
        ("gamma/v1", "gamma", true, 0, 1, 1, 0, 0), ("gamma/v1", "gamma", true, 1, 0, 0, 0, 0),
        ("delta", "delta", false, 0, 1, 1, 0, 0), ("delta", "delta", false, 1, 1, 1, 0, 0),
        ("delta/v1", "delta", true, 0, 0, 0, 0, 0), ("delta/v1", "delta", true, 1, 0, 0, 0, 0),
        ("lone", "lone", false, 0, 0, 1, 0, 0), ("lone", "lone", false, 1, 0, 0, 0, 0),
    ];

    internal static StudyRun Study()
    {
        var problems = Table.Select(r => (r.Problem, r.Family, r.Variant)).Distinct()
            .Select(p => new StudyProblem(p.Problem, "Title of " + p.Problem, p.Family, p.Variant, p.Family == "lone" ? "novel" : "textbook", p.Variant ? ["variant"] : ["number-theory"])
            {
                Variation = p.Variant ? "changed-constants" : null,
            }).ToList();
        static RoundResult R(int round, int ok) => new(round, ok == 1 ? Verdict.Verified : Verdict.Failed, ok == 1 ? "Verified" : "Failed");
        var attempts = Table.SelectMany(r => new[]
        {
            new TargetAttempt(r.Problem, r.Sample, "coq", r.Coq0 == 1 ? [R(0, 1)] : [R(0, 0), R(1, r.Coq1)]),
            new TargetAttempt(r.Problem, r.Sample, "smt", r.Smt0 == 1 ? [R(0, 1)] : [R(0, 0), R(1, r.Smt1)]),
        }).ToList();
        // Every answer claims a complete proof except sample 1 of each variant.
        var answers = Table.Select(r => new NlAnswer(r.Problem, r.Sample, "proof", ClaimsComplete: !(r.Variant && r.Sample == 1))).ToList();
        return new StudyRun("fixed", "hand-made", "plain", ["coq", "smt"], 2, 1) { Problems = problems, Attempts = attempts, Answers = answers };
    }

    [Fact]
    public void Rates_family_comparison_and_McNemar_equal_an_independent_analysis_in_Python()
    {
        var report = StudyAnalyzer.Analyze(Study());
        var table = JsonSerializer.Serialize(Table.Select(r => new object[] { r.Problem, r.Family, r.Variant, r.Sample, r.Coq0, r.Coq1, r.Smt0, r.Smt1 }));
        var expected = Scipy.Run($$"""
            rows = json.loads('{{table}}')
            def ok(r, stage): return (r[4] or r[6]) if stage == 0 else (r[5] or r[7])
            out = {}
            for stage in (0, 1):
                out[f'any{stage}'] = [sum(ok(r, stage) for r in rows), len(rows)]
                out[f'coq{stage}'] = [sum(r[4 + stage] for r in rows), len(rows)]
                fams = sorted({r[1] for r in rows if r[2]})
                diffs, pairs = [], []
                for f in fams:
                    orig = {r[3]: ok(r, stage) for r in rows if r[1] == f and not r[2]}
                    var = [r for r in rows if r[1] == f and r[2]]
                    diffs.append(np.mean(list(orig.values())) - np.mean([ok(r, stage) for r in var]))
                    pairs += [(orig[r[3]], ok(r, stage)) for r in var]
                b = sum(1 for o, v in pairs if o and not v); c = sum(1 for o, v in pairs if v and not o)
                out[f'diff{stage}'] = float(np.mean(diffs))
                out[f'mcnemar{stage}'] = [b, c, st.binomtest(b, b + c, 0.5).pvalue if b + c else 1.0]
                out[f'families{stage}'] = [f for f, d in zip(fams, diffs) if d > 0 and all(not ok(r, stage) for r in rows if r[1] == f and r[2])]
                claims = [r for r in rows if not (r[2] and r[3] == 1)]
                out[f'overclaim{stage}'] = [sum(1 for r in claims if not ok(r, stage)), len(claims)]
            print(json.dumps(out))
            """);

        for (var stage = 0; stage < 2; stage++)
        {
            StagePair<Rate> Row(string key) => report.Rates.Single(r => r.Group == "target" && r.Key == key).Verified;
            Rate Pick(StagePair<Rate> p) => stage == 0 ? p.RoundZero : p.AfterRepair;
            var any = expected.GetProperty($"any{stage}");
            Assert.Equal((any[0].GetInt32(), any[1].GetInt32()), (Pick(Row("any")).Successes, Pick(Row("any")).Trials));
            var coq = expected.GetProperty($"coq{stage}");
            Assert.Equal((coq[0].GetInt32(), coq[1].GetInt32()), (Pick(Row("coq")).Successes, Pick(Row("coq")).Trials));

            var pooled = stage == 0 ? report.Memorization.Pooled.RoundZero : report.Memorization.Pooled.AfterRepair;
            Assert.Equal(4, pooled.Units);
            Assert.Equal(expected.GetProperty($"diff{stage}").GetDouble(), pooled.Difference.Value!.Value, 12);
            var mcnemar = expected.GetProperty($"mcnemar{stage}");
            Assert.Equal((mcnemar[0].GetInt32(), mcnemar[1].GetInt32()), (pooled.McNemar.OnlyFirst, pooled.McNemar.OnlySecond));
            Assert.Equal(mcnemar[2].GetDouble(), pooled.McNemar.PValue, 1e-12);

            var overclaim = expected.GetProperty($"overclaim{stage}");
            var figures = stage == 0 ? report.Overclaim.Overclaims.RoundZero : report.Overclaim.Overclaims.AfterRepair;
            Assert.Equal((overclaim[0].GetInt32(), overclaim[1].GetInt32()), (figures.Successes, figures.Trials));
        }

        Assert.Equal(expected.GetProperty("families0").EnumerateArray().Select(e => e.GetString()), report.Memorization.OriginalOnlyFamilies);
        Assert.Equal(["alpha", "beta", "delta", "gamma"], report.Memorization.Families.Select(f => f.Family));
    }

    [Fact]
    public void A_family_without_discordant_pairs_and_a_problem_without_variants_are_handled()
    {
        var report = StudyAnalyzer.Analyze(Study());
        // delta: the original verified in both samples, its variant in neither: 2 discordant pairs, none the other way.
        var delta = report.Memorization.Families.Single(f => f.Family == "delta").Figures.RoundZero;
        Assert.True(delta.OriginalOnly);
        Assert.Equal((2, 0), (delta.McNemar.OnlyFirst, delta.McNemar.OnlySecond));
        Assert.Equal(0.5, delta.McNemar.PValue, 12);
        // "lone" has no variants: it is in the rates but not in the family comparison.
        Assert.DoesNotContain(report.Memorization.Families, f => f.Family == "lone");
        Assert.Equal(12, report.Problems);
        // The repair rounds only add verdicts: after repair is never below round 0.
        Assert.All(report.Rates, r => Assert.True(r.Verified.AfterRepair.Successes >= r.Verified.RoundZero.Successes));
    }

    [Fact]
    public void Two_runs_are_paired_on_their_common_problems()
    {
        var a = Study();
        var b = a with { RunId = "other", Problems = [.. a.Problems.Where(p => p.Family != "beta")], Attempts = [.. a.Attempts.Select(t => t with { Rounds = [new RoundResult(0, Verdict.Failed, "Failed")] })] };
        var comparison = StudyAnalyzer.Compare(a, b);
        Assert.Equal(8, comparison.CommonProblems.Count);
        var r0 = comparison.Figures.RoundZero;
        Assert.Equal(0, r0.Second.Successes);
        Assert.Equal(r0.First.Successes, r0.McNemar.OnlyFirst);
        Assert.Equal(r0.First.Value, r0.Difference.Value);
    }
}
