using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace ProofCheck.Reports.Statistics;

/// <summary>A point estimate with a 95% interval; all three are null when there is nothing to estimate from.</summary>
public sealed record Estimate(double? Value, double? Low, double? High)
{
    public static Estimate None { get; } = new(null, null, null);
}

/// <summary>A proportion: successes of trials, with its Wilson score interval.</summary>
public sealed record Rate(int Successes, int Trials, double? Value, double? Low, double? High)
{
    public static Rate Of(int successes, int trials) => Estimates.Wilson(successes, trials);
}

/// <summary>McNemar's exact test on paired yes/no outcomes: the discordant counts and the two-sided p-value.</summary>
/// <param name="OnlyFirst">Pairs where only the first member succeeded (e.g. the original verified, its variant did not).</param>
/// <param name="OnlySecond">Pairs where only the second member succeeded.</param>
public sealed record McNemarTest(int Pairs, int BothSucceeded, int OnlyFirst, int OnlySecond, int NeitherSucceeded, double PValue);

/// <summary>
/// The statistics of a report. Distributions, quantiles, special functions and random numbers come from
/// MathNet.Numerics; what is written here is only how they are combined. Every method is checked against scipy in
/// the tests.
/// </summary>
public static class Estimates
{
    /// <summary>The confidence level of every interval in a report.</summary>
    public const double Confidence = 0.95;

    /// <summary>Resamples per bootstrap interval: enough for stable 2.5% / 97.5% percentiles on small studies.</summary>
    public const int BootstrapResamples = 10_000;

    /// <summary>A fixed seed: the same run gives the same report, byte for byte.</summary>
    public const int BootstrapSeed = 20_210_707;

    private static readonly double Z = Normal.InvCDF(0, 1, 1 - ((1 - Confidence) / 2));

    /// <summary>
    /// The Wilson score interval (Wilson 1927), which keeps its coverage near 0 of n and n of n where the normal
    /// approximation collapses to a zero-width interval. 0 trials: nothing is known, every field but the counts is null.
    /// </summary>
    public static Rate Wilson(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return new Rate(0, 0, null, null, null);
        }

        double n = trials;
        var p = successes / n;
        var z2 = Z * Z;
        var denominator = 1 + (z2 / n);
        var center = (p + (z2 / (2 * n))) / denominator;
        var half = Z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new Rate(successes, trials, p, Math.Max(0, center - half), Math.Min(1, center + half));
    }

    /// <summary>
    /// The unbiased pass@k estimator of Chen et al. (2021), <c>1 - C(n-c, k) / C(n, k)</c>: the chance that at least
    /// one of k samples drawn without replacement from the n taken is correct, given c of them were.
    /// </summary>
    public static double PassAtK(int samples, int correct, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(correct);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(correct, samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, samples);
        if (samples - correct < k)
        {
            return 1.0;
        }

        // In logarithms: C(n, k) overflows a double long before a study's sample counts would.
        return 1 - Math.Exp(SpecialFunctions.BinomialLn(samples - correct, k) - SpecialFunctions.BinomialLn(samples, k));
    }

    /// <summary>
    /// Mean pass@k over problems, with a percentile-bootstrap interval over problems (the problems are the sampled
    /// units; the samples within a problem are already averaged by the estimator). Problems with fewer than k
    /// samples are left out.
    /// </summary>
    public static Estimate MeanPassAtK(IReadOnlyList<(int Samples, int Correct)> problems, int k)
    {
        var values = problems.Where(p => p.Samples >= k).Select(p => PassAtK(p.Samples, p.Correct, k)).ToArray();
        return BootstrapMean(values);
    }

    /// <summary>The mean of <paramref name="values"/> with a percentile-bootstrap 95% interval (resampling the values).</summary>
    public static Estimate BootstrapMean(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return Estimate.None;
        }

        var mean = values.Average();
        if (values.Count == 1)
        {
            return new Estimate(mean, mean, mean);
        }

        var random = new MersenneTwister(BootstrapSeed);
        var means = new double[BootstrapResamples];
        for (var b = 0; b < means.Length; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < values.Count; i++)
            {
                sum += values[random.Next(values.Count)];
            }

            means[b] = sum / values.Count;
        }

        // R-7 (linear interpolation) is numpy's default percentile, which scipy's bootstrap uses.
        var alpha = (1 - Confidence) / 2;
        var low = ArrayStatistics.QuantileCustomInplace(means, alpha, QuantileDefinition.R7);
        var high = ArrayStatistics.QuantileCustomInplace(means, 1 - alpha, QuantileDefinition.R7);
        return new Estimate(mean, low, high);
    }

    /// <summary>
    /// The paired difference <c>mean(first - second)</c> over units (families, problems), with a paired bootstrap
    /// interval: whole units are resampled, so each first stays with its own second.
    /// </summary>
    public static Estimate PairedDifference(IReadOnlyList<(double First, double Second)> pairs) =>
        BootstrapMean([.. pairs.Select(p => p.First - p.Second)]);

    /// <summary>
    /// McNemar's exact test: under "no difference" the discordant pairs split like fair coin flips, so the two-sided
    /// p-value is the binomial tail <c>min(1, 2 P(X ≤ min(b, c)))</c>, X ~ Binomial(b + c, 1/2). No discordant
    /// pairs: p = 1 (nothing contradicts "no difference").
    /// </summary>
    public static McNemarTest McNemar(IReadOnlyList<(bool First, bool Second)> pairs)
    {
        var both = pairs.Count(p => p.First && p.Second);
        var onlyFirst = pairs.Count(p => p.First && !p.Second);
        var onlySecond = pairs.Count(p => !p.First && p.Second);
        var neither = pairs.Count - both - onlyFirst - onlySecond;
        var discordant = onlyFirst + onlySecond;
        var p = discordant == 0
            ? 1.0
            : Math.Min(1.0, 2 * Binomial.CDF(0.5, discordant, Math.Min(onlyFirst, onlySecond)));
        return new McNemarTest(pairs.Count, both, onlyFirst, onlySecond, neither, p);
    }
}
