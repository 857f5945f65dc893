using ProofCheck.Core;
using Spectre.Console;

namespace ProofCheck.Cli;

/// <summary>Shows a <see cref="CheckReport"/> as a table for people or as the JSON envelope for programs.</summary>
internal static class CheckReportView
{
    public static int Write(CheckReport report, bool json, IAnsiConsole? console = null)
    {
        if (json)
        {
            Console.Out.WriteLine(ReportJson.Serialize(report));
            return ExitCodes.For(report);
        }

        console ??= AnsiConsole.Console;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Obligation").AddColumn("Verdict").AddColumn("Counterexample").AddColumn("Checker").AddColumn(new TableColumn("Time").RightAligned());
        foreach (var o in report.Obligations)
        {
            table.AddRow(
                Markup.Escape(o.Label),
                Colored(o.Verdict, o.Verdict.ToString()),
                Markup.Escape(o.Counterexample ?? string.Empty),
                Markup.Escape(o.Solver ?? report.Checker),
                $"{o.Ms} ms");
        }

        console.Write(table);
        foreach (var o in report.Obligations.Where(o => o.Diagnostics.Count > 0))
        {
            console.MarkupLine($"[bold]{Markup.Escape(o.Label)}[/]");
            foreach (var d in o.Diagnostics)
            {
                WriteDiagnostic(console, d);
            }
        }

        foreach (var d in report.Diagnostics)
        {
            WriteDiagnostic(console, d);
        }

        if (report.Audit is { } audit)
        {
            console.MarkupLine(audit.Passed
                ? $"[green]audit passed[/] ({audit.Checked.Count} rules checked)"
                : $"[red]audit found {audit.Findings.Count} forbidden construct(s):[/]");
            foreach (var f in audit.Findings)
            {
                console.MarkupLine($"  {Markup.Escape(f.ToString())}");
            }
        }

        if (!report.Sandboxed)
        {
            console.MarkupLine("[yellow]note:[/] checkers ran WITHOUT the sandbox (--no-sandbox).");
        }

        console.MarkupLine($"Verdict: {Colored(report.Verdict, report.VerdictText)}");
        return ExitCodes.For(report);
    }

    private static void WriteDiagnostic(IAnsiConsole console, Diagnostic d)
    {
        var color = d.Severity == DiagnosticSeverity.Error ? "red" : "yellow";
        console.MarkupLine($"  [{color}]{d.Severity.ToString().ToLowerInvariant()}[/] {Markup.Escape(d.ToString())}");
        if (d.Goal is { Length: > 0 } goal)
        {
            console.MarkupLine($"    [grey]goal:[/] {Markup.Escape(goal.ReplaceLineEndings("\n    "))}");
        }
    }

    private static string Colored(Verdict verdict, string text) => verdict switch
    {
        Verdict.Verified => $"[green]{Markup.Escape(text)}[/]",
        Verdict.Rejected or Verdict.Refuted or Verdict.Failed => $"[red]{Markup.Escape(text)}[/]",
        _ => $"[yellow]{Markup.Escape(text)}[/]",
    };
}
