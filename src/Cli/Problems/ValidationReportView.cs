using ProofCheck.Core;
using ProofCheck.Pipeline.Problems.Validation;
using Spectre.Console;

namespace ProofCheck.Cli.Problems;

/// <summary>The end of <c>problems validate</c>: a table (one row a problem, one column a check), what failed, what could not run, and the exit code.</summary>
internal static class ValidationReportView
{
    public static int Write(IReadOnlyList<ProblemCheckResult> results, bool strict, bool json, string problemsDirectory, IAnsiConsole? console = null)
    {
        var failed = results.Count(r => r.Status == ValidationStatus.Failed);
        var notRun = results.Count(r => r.Status == ValidationStatus.NotRun);
        var ok = failed == 0 && (!strict || notRun == 0);
        var exit = ok ? ExitCodes.AllVerified : ExitCodes.NotVerified;
        if (json)
        {
            Console.Out.WriteLine(ReportJson.Serialize(new
            {
                Ok = ok,
                Strict = strict,
                Checks = results.Count,
                Passed = results.Count - failed - notRun,
                Failed = failed,
                NotRun = notRun,
                Results = results,
            }));
            return exit;
        }

        console ??= AnsiConsole.Console;
        WriteTable(console, results);
        WriteFailures(console, results, problemsDirectory);
        WriteNotRun(console, results, strict);

        var summary = $"{results.Count} checks on {results.Select(r => r.ProblemId).Distinct().Count()} problems: " +
                      $"{results.Count - failed - notRun} passed, {failed} failed, {notRun} could not run here.";
        console.MarkupLine(ok ? $"[green]{Markup.Escape(summary)}[/]" : $"[red]{Markup.Escape(summary)}[/]");
        if (strict && notRun > 0 && failed == 0)
        {
            console.MarkupLine("[red]--strict: checks that could not run count as failures.[/]");
        }

        return exit;
    }

    /// <summary>Short column headers, so a row fits an 80-column terminal.</summary>
    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["manifest"] = "yaml",
        ["statement.md"] = "md",
        ["statement.lean"] = "lean",
        ["lean parse"] = "parse",
        ["lean elaboration"] = "elab",
        ["statement.v"] = "coq",
        ["proof.v"] = "proof.v",
        ["broken.v"] = "broken.v",
        ["proof.lean"] = "proof.lean",
        ["broken.lean"] = "broken.lean",
    };

    private static void WriteTable(IAnsiConsole console, IReadOnlyList<ProblemCheckResult> results)
    {
        // A check that could run nowhere is a column of dashes; it is listed under "Could not run here" instead.
        var checks = ProblemValidator.CheckNames
            .Where(c => results.Any(r => r.Check == c && r.Status != ValidationStatus.NotRun))
            .ToList();
        var table = new Table().Border(TableBorder.Minimal).AddColumn(new TableColumn("Problem").NoWrap());
        foreach (var check in checks)
        {
            table.AddColumn(new TableColumn(Headers.GetValueOrDefault(check, check)).Centered().NoWrap());
        }

        foreach (var problem in results.GroupBy(r => r.ProblemId))
        {
            var cells = checks.Select(c => problem.Where(r => r.Check == c).ToList() switch
            {
                [] => string.Empty,
                var rs when rs.Any(r => r.Status == ValidationStatus.Failed) => "[red]FAIL[/]",
                var rs when rs.All(r => r.Status == ValidationStatus.NotRun) => "[grey]–[/]",
                _ => "[green]ok[/]",
            });
            table.AddRow([Markup.Escape(problem.Key), .. cells]);
        }

        console.Write(table);
        console.MarkupLine("[grey]ok: passed · FAIL: failed · –: could not run here · blank: no such file[/]");
    }

    private static void WriteFailures(IAnsiConsole console, IReadOnlyList<ProblemCheckResult> results, string problemsDirectory)
    {
        var failures = results.Where(r => r.Status == ValidationStatus.Failed).ToList();
        if (failures.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[red bold]Failed ({failures.Count}):[/]");
        foreach (var f in failures)
        {
            var where = f.File is null ? string.Empty : $" ({Path.GetRelativePath(problemsDirectory, f.File)})";
            console.MarkupLine($"  [bold]{Markup.Escape(f.ProblemId)}[/] {Markup.Escape(f.Check)}{Markup.Escape(where)}");
            console.MarkupLine($"    {Markup.Escape(f.Detail.ReplaceLineEndings("\n    "))}");
        }
    }

    private static void WriteNotRun(IAnsiConsole console, IReadOnlyList<ProblemCheckResult> results, bool strict)
    {
        var groups = results.Where(r => r.Status == ValidationStatus.NotRun)
            .GroupBy(r => (r.Check, r.Detail))
            .ToList();
        if (groups.Count == 0)
        {
            return;
        }

        var color = strict ? "red" : "yellow";
        console.MarkupLine($"[{color} bold]Could not run here:[/]");
        foreach (var g in groups)
        {
            console.MarkupLine($"  {Markup.Escape(g.Key.Check)} on {g.Count()} problem(s): {Markup.Escape(g.Key.Detail)}");
        }
    }
}
