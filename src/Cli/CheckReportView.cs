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
        var withAssumptions = report.Obligations.Any(o => o.Assumptions is not null);
        if (withAssumptions)
        {
            table.AddColumn("Assumptions (not proved by an earlier step)");
        }

        foreach (var o in report.Obligations)
        {
            string[] row =
            [
                Text(o.Label),
                Colored(o.Verdict, o.Verdict.ToString()),
                Text(o.Counterexample ?? string.Empty),
                Text((o.Solver ?? report.Checker) + (o.ConfirmedBy is { } other ? $", confirmed by {other}" : string.Empty)),
                $"{o.Ms} ms",
            ];
            table.AddRow(withAssumptions ? [.. row, Text(o.Assumptions is null ? string.Empty : o.Assumptions.Count == 0 ? "none" : string.Join("\n", o.Assumptions))] : row);
        }

        console.Write(TableFit.Fit(table, console));
        foreach (var o in report.Obligations.Where(o => o.Diagnostics.Count > 0))
        {
            console.MarkupLine($"[bold]{Text(o.Label)}[/]");
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
                console.MarkupLine($"  {Text(f.ToString())}");
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
        console.MarkupLine($"  [{color}]{d.Severity.ToString().ToLowerInvariant()}[/] {Text(d.ToString())}");
        if (d.Goal is { Length: > 0 } goal)
        {
            console.MarkupLine($"    [grey]goal:[/] {Text(goal.ReplaceLineEndings("\n    "))}");
        }
    }

    /// <summary>
    /// Markup-escaped text with control characters shown as <c>\u001b</c> and the like: labels, counterexamples and
    /// solver messages come from untrusted input, and an escape sequence must not reach the terminal.
    /// </summary>
    private static string Text(string text) =>
        Markup.Escape(string.Concat(text.Select(c => char.IsControl(c) && c != '\n' ? $"\\u{(int)c:x4}" : c.ToString())));

    private static string Colored(Verdict verdict, string text) => verdict switch
    {
        Verdict.Verified => $"[green]{Markup.Escape(text)}[/]",
        Verdict.Rejected or Verdict.Refuted or Verdict.Failed => $"[red]{Markup.Escape(text)}[/]",
        _ => $"[yellow]{Markup.Escape(text)}[/]",
    };
}
