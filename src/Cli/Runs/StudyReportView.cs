using ProofCheck.Reports;
using ProofCheck.Reports.Output;
using Statistics = ProofCheck.Reports.Statistics;
using Spectre.Console;

namespace ProofCheck.Cli.Runs;

/// <summary>The compact tables of <c>proofcheck report</c>: every rate at round 0 and after repair, side by side.</summary>
internal static class StudyReportView
{
    public static void Write(IAnsiConsole console, StudyReport report)
    {
        console.MarkupLine(
            $"Report of run [bold]{E(report.RunId)}[/] · model {E(report.Model)} · prompt {E(report.PromptStyle)} · " +
            $"{report.Problems} problem(s) × {report.Samples} sample(s) · targets {E(string.Join(",", report.Targets))} · {report.RepairRounds} repair round(s)");
        console.MarkupLine("[grey]Round 0: the model alone. After repair: with checker feedback, which can hand the model the canonical statement. Intervals: 95%.[/]");

        var rates = Table("verified", "group", "", "round 0", "after repair");
        foreach (var r in report.Rates)
        {
            rates.AddRow(r.Group, E(r.Key), FR(r.Verified.RoundZero), FR(r.Verified.AfterRepair));
        }

        console.Write(TableFit.Fit(rates, console));

        var passAtK = Table("pass@k (mean over problems, bootstrap interval)", "target", "k", "round 0", "after repair");
        foreach (var r in report.PassAtK)
        {
            passAtK.AddRow(E(r.Target), r.K.ToString(System.Globalization.CultureInfo.InvariantCulture), FE(r.PassAtK.RoundZero), FE(r.PassAtK.AfterRepair));
        }

        console.Write(TableFit.Fit(passAtK, console));

        var m = report.Memorization;
        if (m.Families.Count == 0)
        {
            console.MarkupLine("Memorization probe: no family with both its original and a variant in this run.");
        }
        else
        {
            var families = Table("originals vs their variants (any target)", "family", "variation", "variants",
                "original r0", "variants r0", "McNemar r0", "original after", "variants after", "McNemar after");
            foreach (var f in m.Families)
            {
                families.AddRow(
                    (f.Figures.RoundZero.OriginalOnly ? "[red]! [/]" : "") + E(f.Family), E(f.Variation ?? "-"), f.Variants.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    FR(f.Figures.RoundZero.Original), FR(f.Figures.RoundZero.Variants), FP(f.Figures.RoundZero.McNemar.PValue),
                    FR(f.Figures.AfterRepair.Original), FR(f.Figures.AfterRepair.Variants), FP(f.Figures.AfterRepair.McNemar.PValue));
            }

            console.Write(TableFit.Fit(families, console));
            foreach (var (stage, p) in new[] { ("round 0", m.Pooled.RoundZero), ("after repair", m.Pooled.AfterRepair) })
            {
                console.MarkupLine(
                    $"Pooled over {p.Units} families, {stage}: originals {FR(p.First)}, variants {FR(p.Second)}; " +
                    $"original − variant {FE(p.Difference, difference: true)} (paired bootstrap over families); " +
                    $"McNemar exact {FP(p.McNemar.PValue)} ({p.McNemar.OnlyFirst} pairs only the original verified, {p.McNemar.OnlySecond} only the variant).");
            }

            if (m.OriginalOnlyFamilies.Count > 0)
            {
                console.MarkupLine($"[red]Original verified at round 0, no variant did:[/] {E(string.Join(", ", m.OriginalOnlyFamilies))}");
            }
        }

        var o = report.Overclaim;
        console.MarkupLine(
            $"Claims a complete proof: {FR(o.Claims)} of answers. Overclaims (claimed, no target verified): " +
            $"round 0 {FR(o.Overclaims.RoundZero)}, after repair {FR(o.Overclaims.AfterRepair)} of claims.");

        foreach (var (stage, s) in new[] { ("round 0", report.SmtSteps.RoundZero), ("after repair", report.SmtSteps.AfterRepair) })
        {
            if (s.Steps > 0)
            {
                console.MarkupLine(
                    $"SMT steps, {stage}: {s.Steps} step(s) in {s.Proofs} proof(s) ({s.ProofsAllStepsVerified} with every step verified): " +
                    E(string.Join(", ", s.StepsByVerdict.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value} ({Format.Percent(s.Shares[kv.Key])})"))));
            }
        }

        console.MarkupLine("First verified at round: " + E(string.Join("; ", report.RepairHistogram.GroupBy(b => b.Target)
            .Select(g => g.Key + " " + string.Join(", ", g.Select(b => $"{(b.Round is { } r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "never")}: {b.Count}"))))));
        console.MarkupLine($"Cost: {report.Cost.InputTokens + report.Cost.OutputTokens:N0} tokens, model {report.Cost.ModelMs / 1000.0:0.0}s, checkers {report.Cost.CheckMs / 1000.0:0.0}s.");
    }

    public static void Write(IAnsiConsole console, RunComparison c)
    {
        console.MarkupLine($"Run [bold]{E(c.RunA)}[/] ({E(c.ModelA)}) vs run [bold]{E(c.RunB)}[/] ({E(c.ModelB)}) on {c.CommonProblems.Count} common problem(s), any target:");
        foreach (var (stage, p) in new[] { ("round 0", c.Figures.RoundZero), ("after repair", c.Figures.AfterRepair) })
        {
            console.MarkupLine(
                $"  {stage}: A {FR(p.First)}, B {FR(p.Second)}; A − B {FE(p.Difference, difference: true)} (paired bootstrap over problems); " +
                $"McNemar exact {FP(p.McNemar.PValue)} ({p.McNemar.OnlyFirst} only A, {p.McNemar.OnlySecond} only B).");
        }
    }

    private static Table Table(string title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        foreach (var c in columns)
        {
            table.AddColumn(new TableColumn(c).NoWrap());
        }

        return table;
    }

    private static string E(string text) => Markup.Escape(text);

    // Intervals print as "[a–b]", which Spectre would read as markup.
    private static string FR(Statistics.Rate rate) => E(Format.Rate(rate));

    private static string FE(Statistics.Estimate estimate, bool difference = false) => E(Format.Estimate(estimate, difference));

    private static string FP(double p) => E(Format.PValue(p));
}
