using ProofCheck.Core;
using ProofCheck.Pipeline.Reports;
using ProofCheck.Pipeline.Store;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ProofCheck.Cli.Runs;

/// <summary>The per-problem, per-target table of a run (end of <c>run</c>, and <c>show RUN</c>).</summary>
internal static class RunResultView
{
    public static void Write(IAnsiConsole console, RunInfo run, IReadOnlyList<ProblemSummary> problems) => console.Write(Render(console, run, problems));

    /// <summary>The whole view as one renderable, so a live display can redraw it as checks finish.</summary>
    public static IRenderable Render(IAnsiConsole console, RunInfo run, IReadOnlyList<ProblemSummary> problems)
    {
        var lines = new List<IRenderable>
        {
            new Markup(
                $"Run [bold]{Markup.Escape(run.Id)}[/] · {Markup.Escape(run.Status)} · model {Markup.Escape(run.Model)} · " +
                $"targets {Markup.Escape(string.Join(",", run.Config.Targets))} · {run.Config.Samples} sample(s) × {run.Config.Rounds} round(s) · prompt {Markup.Escape(run.Config.PromptStyle)}"),
            new Markup("Settings: " + Markup.Escape(Settings(run.Config))),
        };
        if (run.CheckerVersions.Count > 0)
        {
            lines.Add(new Markup("Checkers: " + Markup.Escape(string.Join(", ", run.CheckerVersions.Select(v => $"{v.Key} {v.Value}")))));
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
                var text = t.SamplesUnfinished == t.Samples
                    ? $"[yellow]{Markup.Escape(t.VerdictText)}[/]"
                    : Colored(t.Verdict, t.VerdictText);
                table.AddRow(
                    Markup.Escape(p.ProblemId), t.Target, text,
                    $"{t.SamplesVerified}/{t.Samples}" + (t.SamplesUnfinished > 0 ? $" ({t.SamplesUnfinished} unfinished)" : string.Empty),
                    t.RoundsToVerify?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", t.RoundsUsed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    p.Tokens.ToString("N0"), Seconds(p.Ms));
            }
        }

        lines.Add(TableFit.Fit(table, console));
        var all = problems.SelectMany(p => p.Targets).ToList();
        lines.Add(new Markup($"Verified: [bold]{all.Count(t => t.Verdict == Verdict.Verified)}[/] of {all.Count} problem-target pairs."));
        var unfinished = problems.SelectMany(p => p.UnfinishedAnswers).GroupBy(u => u.Key).ToDictionary(g => g.Key, g => g.Sum(u => u.Value));
        if (unfinished.Count > 0)
        {
            // Counted apart from the verdicts: these answers were never formalized or checked.
            lines.Add(new Markup("[yellow]Unfinished model answers[/] (stored, not checked): " + string.Join(", ",
                new[] { AnswerStatus.Truncated, AnswerStatus.Empty, AnswerStatus.Oversized }
                    .Where(unfinished.ContainsKey).Select(s => $"{unfinished[s]} {s.ToString().ToLowerInvariant()}")) +
                (unfinished.ContainsKey(AnswerStatus.Truncated) ? $". Truncated answers hit --max-tokens {run.Config.MaxTokens}: raise it for reasoning models." : ".")));
        }

        return new Rows(lines);
    }

    /// <summary>Every setting that shapes the answers or the checks, as <c>run</c> options (what <c>--resume</c> restores).</summary>
    public static string Settings(Pipeline.Runs.RunConfig c)
    {
        var parts = new List<string>
        {
            $"--max-tokens {c.MaxTokens}",
            $"--temperature {c.Temperature?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(backend default)"}",
            $"--top-p {c.TopP?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(backend default)"}",
            $"--seed {c.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(per sample)"}",
            $"--prompt {c.PromptStyle}",
            c.PromptsDirectory is null ? "--prompts (shipped)" : $"--prompts {c.PromptsDirectory} (sha256 {c.PromptsHash?[..12]})",
            $"--timeout {(c.CheckTimeoutSeconds is { } t ? t + "s" : "(checker default)")}",
            c.Sandboxed ? "sandboxed" : "--no-sandbox",
        };
        if (c.Model.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase) || c.Template is not null)
        {
            parts.Add($"--template {c.Template ?? "(the model's own)"}");
            parts.Add($"--threads {(c.Threads == 0 ? "all" : c.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
            parts.Add($"--context {c.ContextLength}");
        }

        return string.Join(" · ", parts);
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
