using ProofCheck.Pipeline.Problems;
using Spectre.Console;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Cli.Problems;

/// <summary>The table of <c>problems list</c>.</summary>
internal static class ProblemTableView
{
    public static void Write(IAnsiConsole console, IReadOnlyList<Problem> problems, ProblemSet set)
    {
        // Nothing is wrapped while the table fits (people copy ids); on a narrow terminal the variation and title
        // columns are dropped, and on a narrower one TableFit folds cells rather than cut a header or overflow the line.
        var wide = console.Profile.Width >= 120;
        var table = new Table().Border(TableBorder.Minimal);
        foreach (var column in wide ? ["Id", "Kind", "Formal", "Proofs", "Variation", "Title"] : new[] { "Id", "Kind", "Formal", "Proofs" })
        {
            table.AddColumn(column == "Title" ? new TableColumn(column) : new TableColumn(column).NoWrap());
        }

        foreach (var p in problems)
        {
            var formal = string.Join(' ', CheckTargets.WithStatements.Where(t => CheckTargets.StatementOf(p, t) is not null).Select(t => t.Name));
            var proofs = string.Join(' ', p.ReferenceProofs.Keys.Select(t => p.BrokenProofs.ContainsKey(t) ? $"{t}+broken" : t));
            var variation = p.Variation ?? (set.VariantsOf(p.Id) is { Count: > 0 } v ? $"{v.Count} variants" : string.Empty);
            string[] cells =
            [
                p.IsVariant ? $"[grey]{Markup.Escape(p.Id)}[/]" : $"[bold]{Markup.Escape(p.Id)}[/]",
                p.Provenance.Kind.ToString().ToLowerInvariant(),
                formal,
                proofs,
            ];
            table.AddRow(wide ? [.. cells, Markup.Escape(variation), Markup.Escape(p.Title)] : cells);
        }

        console.Write(TableFit.Fit(table, console));
        var originals = problems.Count(p => !p.IsVariant);
        console.MarkupLine($"{problems.Count} problems ({originals} originals, {problems.Count - originals} generated variants).");
    }
}
