using ProofCheck.Core;
using ProofCheck.Pipeline.Store;
using Spectre.Console;

namespace ProofCheck.Cli.Runs;

/// <summary><c>show RUN PROBLEM</c>: the NL proof, each attempt with its verdict and diagnostics, and what changed between rounds.</summary>
internal static class ProblemRunView
{
    private const int MaxDiffLines = 40;

    public static void Write(IAnsiConsole console, RunStore store, RunInfo run, string problemId)
    {
        var attempts = store.Attempts(run.Id, problemId);
        var artifacts = store.Artifacts(run.Id, problemId);
        var checks = store.Checks(run.Id, problemId);
        if (attempts.Count == 0)
        {
            console.MarkupLine($"Problem {Markup.Escape(problemId)} has no stored attempts in run {Markup.Escape(run.Id)} yet.");
            return;
        }

        foreach (var sample in attempts.Select(a => a.Key.Sample).Distinct().Order())
        {
            console.Write(new Rule($"{Markup.Escape(problemId)} · sample {sample}").LeftJustified());
            if (attempts.FirstOrDefault(a => a.Key.Sample == sample && a.Key.Stage == Stages.Prove) is { } prove)
            {
                console.MarkupLine($"[bold]Natural-language proof[/] ({prove.OutputTokens} tokens, {prove.Ms / 1000.0:0.0}s)");
                console.WriteLine(prove.Response.Trim());
                console.WriteLine();
            }

            foreach (var target in artifacts.Where(a => a.Sample == sample).Select(a => a.Target).Distinct())
            {
                ArtifactRecord? previous = null;
                foreach (var artifact in artifacts.Where(a => a.Sample == sample && a.Target == target).OrderBy(a => a.Round))
                {
                    var check = checks.Where(c => c.Sample == sample && c.Target == target && c.Round == artifact.Round).MaxBy(c => c.Pass);
                    var verdict = check is null ? "[grey]not checked[/]" : RunResultView.Colored(check.Verdict, check.Report.VerdictText);
                    console.MarkupLine($"[bold]{target}[/] round {artifact.Round}: {verdict}" +
                        (check?.Report.CheckerVersion is { } v ? $" ({Markup.Escape(check.Report.Checker)} {Markup.Escape(v)})" : string.Empty));
                    if (previous is null || !previous.HasCode || !artifact.HasCode)
                    {
                        console.WriteLine(artifact.HasCode ? artifact.Content.TrimEnd() : "(the answer contained no code for this target)");
                    }
                    else
                    {
                        var changes = LineDiff.Changes(previous.Content, artifact.Content);
                        console.MarkupLine($"[grey]changed since round {previous.Round}: {changes.Count} line(s)[/]");
                        foreach (var change in changes.Take(MaxDiffLines))
                        {
                            console.MarkupLine(change.StartsWith('+') ? $"[green]{Markup.Escape(change)}[/]" : $"[red]{Markup.Escape(change)}[/]");
                        }

                        if (changes.Count > MaxDiffLines)
                        {
                            console.MarkupLine($"[grey]… {changes.Count - MaxDiffLines} more[/]");
                        }
                    }

                    if (check is not null)
                    {
                        WriteDiagnostics(console, check.Report);
                    }

                    console.WriteLine();
                    previous = artifact;
                }
            }
        }
    }

    private static void WriteDiagnostics(IAnsiConsole console, CheckReport report)
    {
        foreach (var f in report.Audit?.Findings ?? [])
        {
            console.MarkupLine($"  [red]audit[/] {Markup.Escape(f.ToString())}");
        }

        foreach (var o in report.Obligations.Where(o => o.Verdict != Verdict.Verified))
        {
            console.MarkupLine($"  {Markup.Escape(o.Label)}: {RunResultView.Colored(o.Verdict, o.Verdict.ToString())}" +
                (o.Counterexample is { } cex ? $" counterexample: {Markup.Escape(cex)}" : string.Empty));
            foreach (var d in o.Diagnostics.Take(5))
            {
                console.WriteLine("    " + d);
                if (d.Goal is { } goal)
                {
                    console.WriteLine("    goal: " + goal.Trim().Replace("\n", "\n          ", StringComparison.Ordinal));
                }
            }
        }

        foreach (var d in report.Diagnostics.Take(5))
        {
            console.WriteLine("  " + d);
        }
    }
}
