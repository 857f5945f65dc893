using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ProofCheck.Core;
using ProofCheck.Reports.Study;

namespace ProofCheck.Reports.Output;

/// <summary>
/// <c>--html FILE</c>: one self-contained page. The headline numbers and plots first (inline SVG, no script, no
/// network: a Content-Security-Policy forbids loading anything), then one section per problem for the
/// mathematician: the natural-language answer, and each round of each target with its verdict, steps,
/// counterexamples and diagnostics at their lines.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font:15px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#fff;max-width:1100px;margin:0 auto;padding:1rem 1.5rem}
        h1{font-size:1.6rem;margin:.2rem 0}h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{margin-bottom:.3rem}
        table{border-collapse:collapse;margin:.6rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
        th{background:#f3f3f3}.num{font-variant-numeric:tabular-nums;white-space:nowrap}
        .Verified{color:#137333;font-weight:600}.Refuted,.Rejected{color:#b00020;font-weight:600}.other{color:#8a5a00;font-weight:600}
        .note{color:#555}.flag{color:#b00020;font-weight:600}figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
        pre{background:#f7f7f7;border:1px solid #e3e3e3;padding:.5rem;overflow-x:auto;font-size:13px}
        details{margin:.4rem 0}summary{cursor:pointer}.headline{font-size:1.1rem}
        .diff .add{color:#0d5a26;background:#e6f4ea}.diff .del{color:#8c001a;background:#fce8e6}
        """;

    public static string Render(StudyRun run, StudyReport report, StudyRun? second = null, RunComparison? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        // Only this exact stylesheet may apply; nothing may be fetched, no script may run.
        var styleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)));
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-{styleHash}'; img-src data:; form-action 'none'; base-uri 'none'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>ProofCheck report · {E(report.RunId)}</title>
            <style>{Style}</style></head><body>
            <h1>ProofCheck report: run {E(report.RunId)}</h1>
            <p class="note">Model <b>{E(report.Model)}</b> · prompt {E(report.PromptStyle)} · {report.Problems} problems × {report.Samples} sample(s) ·
            targets {E(string.Join(", ", report.Targets))} · {report.RepairRounds} repair round(s). <b>Round 0</b> is the model alone;
            <b>after repair</b> it had the checkers' feedback, which can hand it the canonical statement: only round 0 measures the model.
            Intervals are 95% (Wilson for rates, bootstrap for means and differences).</p>
            """);

        Headline(html, report);
        Plots(html, report);
        Families(html, report);
        Tables(html, report);
        if (second is not null && comparison is not null)
        {
            Comparison(html, comparison);
        }

        Problems(html, run);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Headline(StringBuilder html, StudyReport report)
    {
        var any = report.Rates.Single(r => r.Group == "target" && r.Key == StudyAnalyzer.AnyTarget).Verified;
        var pooled = report.Memorization.Pooled;
        html.Append("<h2>Headline</h2><table class=\"headline\" id=\"headline\"><tr><th></th><th>round 0</th><th>after repair</th></tr>");
        Row(html, "headline-verified", "Verified (any target)", Format.Rate(any.RoundZero), Format.Rate(any.AfterRepair));
        if (pooled.RoundZero.Units > 0)
        {
            Row(html, "headline-originals", $"Originals ({pooled.RoundZero.Units} families)", Format.Rate(pooled.RoundZero.First), Format.Rate(pooled.AfterRepair.First));
            Row(html, "headline-variants", "Their variants", Format.Rate(pooled.RoundZero.Second), Format.Rate(pooled.AfterRepair.Second));
            Row(html, "headline-difference", "Original − variant (paired bootstrap over families)",
                Format.Estimate(pooled.RoundZero.Difference, difference: true), Format.Estimate(pooled.AfterRepair.Difference, difference: true));
            Row(html, "headline-mcnemar", "McNemar exact test (paired samples)", Format.PValue(pooled.RoundZero.McNemar.PValue), Format.PValue(pooled.AfterRepair.McNemar.PValue));
        }

        Row(html, "headline-overclaim", "Overclaims: claimed a complete proof, no target verified", Format.Rate(report.Overclaim.Overclaims.RoundZero), Format.Rate(report.Overclaim.Overclaims.AfterRepair));
        html.Append("</table>");
        if (report.Memorization.OriginalOnlyFamilies.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"flag\" id=\"original-only\">Original verified at round 0 while none of its variants did: {E(string.Join(", ", report.Memorization.OriginalOnlyFamilies))}.</p>");
        }
    }

    private static void Plots(StringBuilder html, StudyReport report)
    {
        html.Append("<h2>Plots</h2>");
        var targets = report.Rates.Where(r => r.Group == "target").ToList();
        Figure(html, "plot-targets", "Verified share by target, round 0 vs after repair, with 95% Wilson intervals.",
            Charts.PairedBars("Verified by target", [.. targets.Select(r => r.Key)], [.. targets.Select(r => r.Verified.RoundZero)], [.. targets.Select(r => r.Verified.AfterRepair)], "round 0", "after repair"));
        var kinds = report.Rates.Where(r => r.Group == "kind").ToList();
        Figure(html, "plot-kinds", "Verified share (any target) by provenance kind, round 0 vs after repair.",
            Charts.PairedBars("Verified by provenance kind", [.. kinds.Select(r => r.Key)], [.. kinds.Select(r => r.Verified.RoundZero)], [.. kinds.Select(r => r.Verified.AfterRepair)], "round 0", "after repair"));
        var families = report.Memorization.Families;
        if (families.Count > 0)
        {
            Figure(html, "plot-families", "Each family's original against its own variants at round 0 (any target), with 95% Wilson intervals.",
                Charts.PairedBars("Original vs variants, round 0", [.. families.Select(f => f.Family)], [.. families.Select(f => f.Figures.RoundZero.Original)], [.. families.Select(f => f.Figures.RoundZero.Variants)], "original", "variants", variants: true));
        }

        Figure(html, "plot-passk", "pass@k against k; solid lines round 0, dashed after repair.", Charts.PassAtKCurves(report.PassAtK));
        Figure(html, "plot-repair", "The round at which each attempt first verified.", Charts.RepairHistogram(report.RepairHistogram));
    }

    private static void Families(StringBuilder html, StudyReport report)
    {
        html.Append("<h2>Originals and their variants</h2>");
        if (report.Memorization.Families.Count == 0)
        {
            html.Append("<p>No family has both its original and a variant in this run.</p>");
            return;
        }

        Head(html, "families", "family", "variation", "variants", "original, round 0", "variants, round 0", "McNemar, round 0", "original, after repair", "variants, after repair", "McNemar, after repair");
        foreach (var f in report.Memorization.Families)
        {
            var r0 = f.Figures.RoundZero;
            var r1 = f.Figures.AfterRepair;
            Cells(html, [(r0.OriginalOnly ? "<span class=\"flag\">⚑ </span>" : "") + E(f.Family), E(f.Variation ?? "")],
                f.Variants.ToString(CultureInfo.InvariantCulture), Format.Rate(r0.Original), Format.Rate(r0.Variants), Format.PValue(r0.McNemar.PValue),
                Format.Rate(r1.Original), Format.Rate(r1.Variants), Format.PValue(r1.McNemar.PValue));
        }

        html.Append("</table><p class=\"note\">⚑ the original verified at round 0 and no variant did. McNemar's exact test pairs sample s of the original with sample s of each variant.</p>");
    }

    private static void Tables(StringBuilder html, StudyReport report)
    {
        html.Append("<h2>Rates</h2>");
        Head(html, "rates", "group", "", "round 0", "after repair");
        foreach (var r in report.Rates)
        {
            Cells(html, [E(r.Group), E(r.Key)], Format.Rate(r.Verified.RoundZero), Format.Rate(r.Verified.AfterRepair));
        }

        html.Append("</table><h2>pass@k</h2>");
        Head(html, "passk", "target", "k", "round 0", "after repair");
        foreach (var r in report.PassAtK)
        {
            Cells(html, [E(r.Target)], r.K.ToString(CultureInfo.InvariantCulture), Format.Estimate(r.PassAtK.RoundZero), Format.Estimate(r.PassAtK.AfterRepair));
        }

        html.Append("</table><h2>SMT steps</h2>");
        Head(html, "smt-steps", "verdict", "round 0", "after repair");
        var (a, b) = (report.SmtSteps.RoundZero, report.SmtSteps.AfterRepair);
        foreach (var verdict in a.StepsByVerdict.Keys)
        {
            Cells(html, [E(verdict)], $"{a.StepsByVerdict[verdict]} ({Format.Percent(a.Shares[verdict])})", $"{b.StepsByVerdict[verdict]} ({Format.Percent(b.Shares[verdict])})");
        }

        html.Append(CultureInfo.InvariantCulture, $"</table><p>Cost: {report.Cost.InputTokens + report.Cost.OutputTokens:N0} tokens; model {report.Cost.ModelMs / 1000.0:0.0} s; checkers {report.Cost.CheckMs / 1000.0:0.0} s.</p>");
    }

    private static void Comparison(StringBuilder html, RunComparison c)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>Run {E(c.RunA)} vs run {E(c.RunB)}</h2><p>{E(c.ModelA)} vs {E(c.ModelB)} on {c.CommonProblems.Count} common problems, any target.</p>");
        Head(html, "comparison", "", "A", "B", "A − B (paired bootstrap over problems)", "McNemar");
        foreach (var (stage, p) in new[] { ("round 0", c.Figures.RoundZero), ("after repair", c.Figures.AfterRepair) })
        {
            Cells(html, [stage], Format.Rate(p.First), Format.Rate(p.Second), Format.Estimate(p.Difference, difference: true), Format.PValue(p.McNemar.PValue));
        }

        html.Append("</table>");
    }

    private static void Problems(StringBuilder html, StudyRun run)
    {
        html.Append("<h2>Problem by problem</h2>");
        foreach (var problem in run.Problems)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"problem-{E(Slug(problem.Id))}\"><h3>{E(problem.Id)}: {E(problem.Title)}</h3>");
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(problem.Kind)}{(problem.IsVariant ? $" · variant of {E(problem.Family)} ({E(problem.Variation ?? "")})" : "")} · tags {E(string.Join(", ", problem.Tags))}</p>");
            foreach (var answer in run.Answers.Where(a => a.ProblemId == problem.Id))
            {
                html.Append(CultureInfo.InvariantCulture, $"<details><summary>Sample {answer.Sample}: natural-language answer{(answer.ClaimsComplete ? " (claims a complete proof)" : "")}</summary><pre>{E(answer.Text)}</pre></details>");
            }

            foreach (var attempt in run.Attempts.Where(a => a.ProblemId == problem.Id))
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>Sample {attempt.Sample}, <b>{E(attempt.Target)}</b>: ");
                html.Append(string.Join(" → ", attempt.Rounds.Select(r => $"round {r.Round} {VerdictSpan(r.Verdict, r.VerdictText)}")));
                html.Append("</p>");
                RoundResult? previous = null;
                foreach (var round in attempt.Rounds)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<details id=\"{E(Slug(problem.Id))}-{attempt.Sample}-{E(attempt.Target)}-round-{round.Round}\"><summary>{E(attempt.Target)} round {round.Round}: {VerdictSpan(round.Verdict, round.VerdictText)}</summary>");
                    if (previous is { HasCode: true } && round.HasCode)
                    {
                        Changes(html, previous, round);
                    }

                    if (round.Obligations.Count > 0)
                    {
                        html.Append("<table><tr><th>step</th><th>verdict</th><th>counterexample / diagnostics</th></tr>");
                        foreach (var o in round.Obligations)
                        {
                            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(o.Label)}</td><td>{VerdictSpan(o.Verdict, o.Verdict.ToString())}</td><td>{E(o.Counterexample ?? "")}{Diagnostics(o.Diagnostics)}</td></tr>");
                        }

                        html.Append("</table>");
                    }

                    html.Append(Diagnostics(round.Diagnostics));
                    html.Append(round.HasCode ? $"<pre>{Numbered(round.Code)}</pre>" : "<p class=\"note\">The answer had no code block for this target.</p>");
                    html.Append("</details>");
                    previous = round;
                }
            }

            html.Append("</section>");
        }
    }

    /// <summary>
    /// What the repair changed: the earlier round's verdict and the errors that were sent back, then the line diff
    /// from its code to this round's (the same <see cref="LineDiff"/> as <c>proofcheck show</c>).
    /// </summary>
    private static void Changes(StringBuilder html, RoundResult before, RoundResult after)
    {
        var changes = LineDiff.Changes(before.Code, after.Code);
        var added = changes.Count(c => c.StartsWith('+'));
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"changes\"><p>Changed since round {before.Round} ({VerdictSpan(before.Verdict, before.VerdictText)}): {added} line(s) added, {changes.Count - added} removed.</p>");
        var errors = before.Diagnostics.Concat(before.Obligations.SelectMany(o => o.Diagnostics)).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Round {before.Round}'s errors, sent back for the repair:</p>").Append(Diagnostics(errors));
        }

        html.Append(changes.Count == 0
            ? "<p class=\"note\">The code is unchanged.</p>"
            : "<pre class=\"diff\">" + string.Join('\n', changes.Select(c => $"<span class=\"{(c.StartsWith('+') ? "add" : "del")}\">{E(c)}</span>")) + "</pre>");
        html.Append("</div>");
    }

    private static string Slug(string problemId) => problemId.Replace('/', '-');

    // Opens a table with its header row; the caller closes it.
    private static void Head(StringBuilder html, string id, params string[] headers) =>
        html.Append(CultureInfo.InvariantCulture, $"<table id=\"{id}\"><tr>{string.Concat(headers.Select(h => $"<th>{E(h)}</th>"))}</tr>");

    /// <summary>One row: label cells (already HTML), then numbers as text.</summary>
    private static void Cells(StringBuilder html, IEnumerable<string> labelsHtml, params string[] numbers) =>
        html.Append("<tr>").Append(string.Concat(labelsHtml.Select(l => $"<td>{l}</td>")))
            .Append(string.Concat(numbers.Select(n => $"<td class=\"num\">{E(n)}</td>"))).Append("</tr>");

    private static string Diagnostics(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Count == 0 ? string.Empty
        : "<ul>" + string.Concat(diagnostics.Select(d => $"<li>{(d.Span is null ? "" : $"line {d.Span.Line}: ")}{E(d.Message)}</li>")) + "</ul>";

    private static string Numbered(string code) =>
        string.Join('\n', code.TrimEnd('\n').Split('\n').Select((line, i) => $"{i + 1,4}  {E(line)}"));

    private static string VerdictSpan(Verdict verdict, string text) =>
        $"<span class=\"{(verdict is Verdict.Verified or Verdict.Refuted or Verdict.Rejected ? verdict.ToString() : "other")}\">{E(text)}</span>";

    private static void Row(StringBuilder html, string id, string label, string roundZero, string afterRepair) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr id=\"{id}\"><th>{E(label)}</th><td class=\"num\">{E(roundZero)}</td><td class=\"num\">{E(afterRepair)}</td></tr>");

    private static void Figure(StringBuilder html, string id, string caption, string svg) =>
        html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{id}\">{StripXmlDeclaration(svg)}<figcaption class=\"note\">{E(caption)}</figcaption></figure>");

    // Inline SVG is an element of the page, not a document: it must not carry an XML declaration.
    private static string StripXmlDeclaration(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? svg : svg[start..];
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
