using ScottPlot;
using ProofCheck.Reports.Statistics;

namespace ProofCheck.Reports.Output;

/// <summary>The report's plots, drawn by ScottPlot as SVG text to inline in the HTML (no image files, no scripts).</summary>
internal static class Charts
{
    public const int Width = 720;
    public const int Height = 340;

    private static readonly Color RoundZeroColor = Color.FromHex("#1f6fb2");
    private static readonly Color AfterRepairColor = Color.FromHex("#f0a030");
    private static readonly Color VariantColor = Color.FromHex("#9b59b6");

    /// <summary>One group per label, two bars per group (e.g. round 0 and after repair), each with its 95% interval.</summary>
    public static string PairedBars(string title, IReadOnlyList<string> labels, IReadOnlyList<Rate> first, IReadOnlyList<Rate> second, string firstName, string secondName, bool variants = false)
    {
        var plot = new Plot();
        var colors = variants ? (RoundZeroColor, VariantColor) : (RoundZeroColor, AfterRepairColor);
        AddSeries(plot, first, -0.2, colors.Item1);
        AddSeries(plot, second, +0.2, colors.Item2);
        plot.Axes.Bottom.SetTicks([.. labels.Select((_, i) => (double)i)], [.. labels]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = labels.Any(l => l.Length > 10) ? -30 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = labels.Any(l => l.Length > 10) ? Alignment.MiddleRight : Alignment.UpperCenter;
        plot.Axes.SetLimits(-0.7, labels.Count - 0.3, 0, 1.08);
        Legend(plot, (firstName, colors.Item1), (secondName, colors.Item2));
        return Finish(plot, title, "verified (share of samples)");
    }

    /// <summary>pass@k against k, one line per target and stage (solid: round 0, dashed: after repair).</summary>
    public static string PassAtKCurves(IReadOnlyList<PassAtKRow> rows)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var targets = rows.Select(r => r.Target).Distinct().ToList();
        for (var t = 0; t < targets.Count; t++)
        {
            var mine = rows.Where(r => r.Target == targets[t]).OrderBy(r => r.K).ToList();
            foreach (var (stage, dashed) in new[] { ("round 0", false), ("after repair", true) })
            {
                var points = mine.Select(r => (r.K, Value: (dashed ? r.PassAtK.AfterRepair : r.PassAtK.RoundZero).Value)).Where(p => p.Value is not null).ToList();
                if (points.Count == 0)
                {
                    continue;
                }

                var line = plot.Add.Scatter(points.Select(p => (double)p.K).ToArray(), points.Select(p => p.Value!.Value).ToArray());
                line.Color = palette.GetColor(t);
                line.LineWidth = 2;
                line.MarkerSize = 7;
                line.LinePattern = dashed ? LinePattern.Dashed : LinePattern.Solid;
                line.LegendText = $"{targets[t]}, {stage}";
            }
        }

        var most = rows.Select(r => r.K).DefaultIfEmpty(1).Max();
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(1, most).Select(k => (double)k)], [.. Enumerable.Range(1, most).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimits(0.5, most + 0.5, 0, 1.08);
        plot.XLabel("k (samples drawn)");
        plot.ShowLegend(Alignment.LowerRight);
        return Finish(plot, "pass@k (unbiased estimator, mean over problems)", "pass@k");
    }

    /// <summary>For each target, how many attempts first verified at round 0, 1, … and how many never did.</summary>
    public static string RepairHistogram(IReadOnlyList<RepairBin> bins)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var targets = bins.Select(b => b.Target).Distinct().ToList();
        var labels = bins.Select(b => b.Round).Distinct().OrderBy(r => r ?? int.MaxValue).ToList();
        var width = 0.8 / Math.Max(1, targets.Count);
        var items = new List<(string, Color)>();
        for (var t = 0; t < targets.Count; t++)
        {
            var color = palette.GetColor(t);
            var bars = labels.Select((round, i) => new Bar
            {
                Position = i - 0.4 + (width * (t + 0.5)),
                Value = bins.Where(b => b.Target == targets[t] && b.Round == round).Sum(b => b.Count),
                Size = width * 0.9,
                FillColor = color,
            }).ToList();
            plot.Add.Bars(bars);
            items.Add((targets[t], color));
        }

        plot.Axes.Bottom.SetTicks([.. labels.Select((_, i) => (double)i)], [.. labels.Select(r => r is { } n ? "round " + n : "never")]);
        plot.Axes.Margins(bottom: 0);
        Legend(plot, [.. items]);
        return Finish(plot, "First verified at round (per problem sample and target)", "attempts");
    }

    private static void AddSeries(Plot plot, IReadOnlyList<Rate> rates, double offset, Color color)
    {
        var bars = rates.Select((r, i) => new Bar { Position = i + offset, Value = r.Value ?? 0, Size = 0.38, FillColor = color }).ToList();
        plot.Add.Bars(bars);
        var known = rates.Select((r, i) => (r, i)).Where(x => x.r.Value is not null).ToList();
        if (known.Count == 0)
        {
            return;
        }

        var errors = plot.Add.ErrorBar(
            [.. known.Select(x => x.i + offset)],
            [.. known.Select(x => x.r.Value!.Value)],
            [.. known.Select(x => 0.0)]);
        errors.YErrorPositive = [.. known.Select(x => x.r.High!.Value - x.r.Value!.Value)];
        errors.YErrorNegative = [.. known.Select(x => x.r.Value!.Value - x.r.Low!.Value)];
        errors.Color = Colors.Black;
    }

    private static void Legend(Plot plot, params (string Label, Color Color)[] items)
    {
        foreach (var (label, color) in items)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color });
        }

        plot.ShowLegend(Alignment.UpperRight);
    }

    private static string Finish(Plot plot, string title, string yLabel)
    {
        plot.Title(title, 15);
        plot.YLabel(yLabel);
        return plot.GetSvgXml(Width, Height);
    }
}
