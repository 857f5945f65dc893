using System.Globalization;
using ProofCheck.Reports.Statistics;

namespace ProofCheck.Reports.Output;

/// <summary>How numbers read in the terminal and in the HTML: the same text in both, so people can compare them.</summary>
public static class Format
{
    /// <summary>"3/10 30% [11–60%]"; "0/0 –" when there were no trials.</summary>
    public static string Rate(Rate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return rate.Value is null
            ? $"{rate.Successes}/{rate.Trials} –"
            : $"{rate.Successes}/{rate.Trials} {Percent(rate.Value)} [{Percent(rate.Low, sign: false)}–{Percent(rate.High)}]";
    }

    /// <summary>"0.40 [0.10–0.70]" (a mean), or with <paramref name="difference"/> "+40 pp [+10–+70]" for a difference of rates.</summary>
    public static string Estimate(Estimate estimate, bool difference = false)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (estimate.Value is null)
        {
            return "–";
        }

        return difference
            ? $"{Points(estimate.Value)} [{Points(estimate.Low)} to {Points(estimate.High)}]"
            : $"{Number(estimate.Value)} [{Number(estimate.Low)}–{Number(estimate.High)}]";
    }

    public static string Percent(double? value, bool sign = true) =>
        value is null ? "–" : (value.Value * 100).ToString("0", CultureInfo.InvariantCulture) + (sign ? "%" : string.Empty);

    /// <summary>A difference of two rates in percentage points, with its sign.</summary>
    public static string Points(double? value) =>
        value is null ? "–" : (value.Value * 100).ToString("+0;-0;0", CultureInfo.InvariantCulture) + " pp";

    public static string Number(double? value) => value is null ? "–" : value.Value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A p-value with the precision it deserves: "p = 0.031", "p < 0.001".</summary>
    public static string PValue(double p) =>
        p < 0.001 ? "p < 0.001" : "p = " + p.ToString(p < 0.01 ? "0.000" : "0.00", CultureInfo.InvariantCulture);
}
