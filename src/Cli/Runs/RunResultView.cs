using ProofCheck.Core;
using ProofCheck.Pipeline.Reports;
using ProofCheck.Pipeline.Store;
using Spectre.Console;

namespace ProofCheck.Cli.Runs;

/// <summary>The per-problem, per-target table of a run (end of <c>run</c>, and <c>show RUN</c>).</summary>
internal static class RunResultView
{
    public static void Write(IAnsiConsole console, RunInfo run, IReadOnlyList<ProblemSummary> problems)
    {
        console.MarkupLine(
            $"Run [bold]{Markup.Escape(run.Id)}[/] · {Markup.Escape(run.Status)} · model {Markup.Escape(run.Model)} · " +
            $"targets {Markup.Escape(string.Join(",", run.Config.Targets))} · {run.Config.Samples} sample(s) × {run.Config.Rounds} round(s) · prompt {Markup.Escape(run.Config.PromptStyle)}");
        if (run.CheckerVersions.Count > 0)
        {
            console.MarkupLine("Checkers: " + Markup.Escape(string.Join(", ", run.CheckerVersions.Select(v => $"{v.Key} {v.Value}"))));
        }

        // Ids and verdicts never wrap: a log reader greps for them.
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("problem").NoWrap()).AddColumn("target").AddColumn(new TableColumn("verdict").NoWrap()).AddColumn("verified")
            .AddColumn("rounds to ✓").AddColumn("rounds").AddColumn("tokens").AddColumn("time");
        foreach (var p in problems)
        {
            if (p.Targets.Count == 0)
            {
                table.AddRow(Markup.Escape(p.ProblemId), "-", "[grey]not started[/]", "", "", "", p.Tokens.ToString("N0"), Seconds(p.Ms));
            }

            foreach (var t in p.Targets)
            {
                table.AddRow(
                    Markup.Escape(p.ProblemId), t.Target, Colored(t.Verdict, t.VerdictText), $"{t.SamplesVerified}/{t.Samples}",
                    t.RoundsToVerify?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", t.RoundsUsed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    p.Tokens.ToString("N0"), Seconds(p.Ms));
            }
        }

        console.Write(table);
        var all = problems.SelectMany(p => p.Targets).ToList();
        console.MarkupLine($"Verified: [bold]{all.Count(t => t.Verdict == Verdict.Verified)}[/] of {all.Count} problem-target pairs.");
    }

    public static string Colored(Verdict verdict, string text) => verdict switch
    {
        Verdict.Verified => $"[green]{Markup.Escape(text)}[/]",
        Verdict.Refuted or Verdict.Rejected => $"[red]{Markup.Escape(text)}[/]",
        Verdict.CheckerUnavailable => $"[grey]{Markup.Escape(text)}[/]",
        _ => $"[yellow]{Markup.Escape(text)}[/]",
    };

    private static string Seconds(long ms) => $"{ms / 1000.0:0.0}s";
}
