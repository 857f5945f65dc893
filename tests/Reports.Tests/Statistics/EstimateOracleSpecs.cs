using System.Globalization;
using ProofCheck.Reports.Statistics;

namespace ProofCheck.Reports.Tests.Statistics;

/// <summary>Every statistic of the report against scipy on fixed data, edge cases included.</summary>
public sealed class EstimateOracleSpecs
{
    private static string Py(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 10)]
    [InlineData(3, 10)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    [InlineData(7, 23)]
    [InlineData(149, 150)]
    public void Wilson_interval_equals_scipy(int successes, int trials)
    {
        var expected = Scipy.Doubles(Scipy.Run($"ci = st.binomtest({successes}, {trials}).proportion_ci(0.95, method='wilson')\nprint(json.dumps([ci.low, ci.high]))"));
        var rate = Estimates.Wilson(successes, trials);
        Assert.Equal(successes / (double)trials, rate.Value!.Value, 12);
        Assert.Equal(expected[0], rate.Low!.Value, 9);
        Assert.Equal(expected[1], rate.High!.Value, 9);
    }

    [Fact]
    public void Wilson_of_no_trials_states_nothing()
    {
        var rate = Estimates.Wilson(0, 0);
        Assert.Equal((0, 0), (rate.Successes, rate.Trials));
        Assert.Null(rate.Value);
        Assert.Null(rate.Low);
        Assert.Null(rate.High);
    }

    [Fact]
    public void Pass_at_k_equals_the_exact_binomial_ratio()
    {
        (int N, int C, int K)[] cases = [(1, 0, 1), (1, 1, 1), (5, 0, 3), (5, 5, 1), (10, 3, 1), (10, 3, 5), (10, 3, 8), (20, 1, 10), (200, 7, 100), (4, 2, 3)];
        var expected = Scipy.Doubles(Scipy.Run(
            "cases = " + "[" + string.Join(", ", cases.Select(c => $"({c.N}, {c.C}, {c.K})")) + "]\n" +
            "print(json.dumps([1.0 if n - c < k else 1 - comb(n - c, k) / comb(n, k) for n, c, k in cases]))"));
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Equal(expected[i], Estimates.PassAtK(cases[i].N, cases[i].C, cases[i].K), 9);
        }

        // pass@1 is the plain fraction: the estimator is unbiased for it.
        Assert.Equal(0.3, Estimates.PassAtK(10, 3, 1), 12);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(5, 0)]
    [InlineData(3, 7)]
    [InlineData(10, 10)]
    [InlineData(1, 0)]
    [InlineData(12, 3)]
    [InlineData(40, 25)]
    public void McNemar_exact_p_value_equals_scipy_binomial_test_on_the_discordant_pairs(int onlyFirst, int onlySecond)
    {
        var expected = Scipy.Run($"print(json.dumps(st.binomtest({onlyFirst}, {onlyFirst + onlySecond}, 0.5).pvalue))").GetDouble();
        var pairs = Enumerable.Repeat((true, false), onlyFirst).Concat(Enumerable.Repeat((false, true), onlySecond))
            .Concat(Enumerable.Repeat((true, true), 4)).Concat(Enumerable.Repeat((false, false), 2)).ToList();
        var test = Estimates.McNemar(pairs);
        Assert.Equal(expected, test.PValue, 1e-12);
        Assert.Equal((onlyFirst, onlySecond, 4, 2), (test.OnlyFirst, test.OnlySecond, test.BothSucceeded, test.NeitherSucceeded));
    }

    [Fact]
    public void McNemar_without_discordant_pairs_has_p_value_one()
    {
        Assert.Equal(1.0, Estimates.McNemar([(true, true), (false, false), (true, true)]).PValue);
        Assert.Equal(1.0, Estimates.McNemar([]).PValue);
    }

    [Fact]
    public void Bootstrap_interval_of_a_mean_agrees_with_scipy_percentile_bootstrap()
    {
        double[] values = [1, 0, 0.5, 1, 1, 0, 0.25, 0.75, 1, 0, 0, 1, 0.5, 1];
        var expected = Scipy.Doubles(Scipy.Run(
            $"r = st.bootstrap(({Py(values)},), np.mean, n_resamples=20000, confidence_level=0.95, method='percentile', random_state=1)\n" +
            "print(json.dumps([r.confidence_interval.low, r.confidence_interval.high]))"));
        var estimate = Estimates.BootstrapMean(values);
        Assert.Equal(values.Average(), estimate.Value!.Value, 12);
        // Two random resamplings: the percentiles agree to within their Monte-Carlo error (and the lattice of
        // possible means of so few values), not exactly.
        Assert.InRange(estimate.Low!.Value, expected[0] - 0.02, expected[0] + 0.02);
        Assert.InRange(estimate.High!.Value, expected[1] - 0.02, expected[1] + 0.02);
    }

    [Fact]
    public void Paired_bootstrap_difference_agrees_with_scipy_paired_bootstrap()
    {
        double[] originals = [1, 1, 1, 0.5, 1, 0, 1, 1, 0.5, 1];
        double[] variants = [0.25, 0.5, 0, 0.5, 0.75, 0, 0.25, 1, 0, 0.2];
        var expected = Scipy.Doubles(Scipy.Run(
            $"a = np.array({Py(originals)}); b = np.array({Py(variants)})\n" +
            "r = st.bootstrap((a, b), lambda x, y, axis=-1: np.mean(x - y, axis=axis), paired=True, vectorized=True, n_resamples=20000, method='percentile', random_state=1)\n" +
            "print(json.dumps([float(np.mean(a - b)), r.confidence_interval.low, r.confidence_interval.high]))"));
        var estimate = Estimates.PairedDifference([.. originals.Zip(variants)]);
        Assert.Equal(expected[0], estimate.Value!.Value, 12);
        Assert.InRange(estimate.Low!.Value, expected[1] - 0.03, expected[1] + 0.03);
        Assert.InRange(estimate.High!.Value, expected[2] - 0.03, expected[2] + 0.03);
        Assert.True(estimate.Low > 0, "Originals verified clearly more often: the interval excludes 0.");
    }

    [Fact]
    public void Bootstrap_edge_cases_one_unit_is_a_point_and_none_is_nothing()
    {
        Assert.Equal(new Estimate(0.5, 0.5, 0.5), Estimates.PairedDifference([(1.0, 0.5)]));
        Assert.Equal(Estimate.None, Estimates.BootstrapMean([]));
        Assert.Equal(Estimates.BootstrapMean([0.1, 0.9, 0.4]), Estimates.BootstrapMean([0.1, 0.9, 0.4]));
    }
}
