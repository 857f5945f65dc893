using Spectre.Console;
using Spectre.Console.Rendering;

namespace ProofCheck.Cli;

/// <summary>
/// Fits a table into the console's width (COLUMNS when set) without ever cutting a column header: left alone,
/// Spectre shrinks every column in proportion once the cells do not fit, which cut "verified" to "verif…". Here
/// each column keeps at least its header's width and the cells share what is left (long ones wrap, ids fold);
/// when even the headers do not fit side by side, each row is shown as "header: value" lines instead.
/// </summary>
internal static class TableFit
{
    public static IRenderable Fit(Table table, IAnsiConsole console)
    {
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var columns = table.Columns;
        var n = columns.Count;
        // Rounded border: an edge on each side and between columns, and one space of padding on each side of a cell.
        var chrome = (3 * n) + 1;
        var available = console.Profile.Width - chrome;
        var headers = columns.Select(c => Width(c.Header, options)).ToArray();
        var contents = Enumerable.Range(0, n).Select(i => table.Rows.Select(r => Width(r.ElementAt(i), options)).DefaultIfEmpty(0).Max()).ToArray();
        var natural = headers.Zip(contents, Math.Max).ToArray();
        if (natural.Sum() <= available)
        {
            return table;
        }

        if (headers.Sum() > available)
        {
            return Stacked(table);
        }

        // Each column first gets its header and, where all fit, its longest word, so an id or a number is never
        // folded while a cell of several words could wrap instead ("decimal-comparison" beside "2/2 100% [34–100%]").
        // What each column wants beyond that is served from what is left, smallest want first and never more than
        // an equal share of the rest: a short cell ("missing") stays whole, and the long ones share the remainder.
        var words = Enumerable.Range(0, n).Select(i => table.Rows.Select(r => r.ElementAt(i).Measure(options, int.MaxValue).Min).DefaultIfEmpty(0).Max()).ToArray();
        var widths = headers.Zip(words, Math.Max).ToArray();
        foreach (var i in Enumerable.Range(0, n).OrderByDescending(i => widths[i]).TakeWhile(_ => widths.Sum() > available))
        {
            // The longest words give way first (a URL in advice text folds before an id does).
            widths[i] = headers[i];
        }

        var wants = natural.Zip(widths, (a, w) => Math.Max(0, a - w)).ToArray();
        var spare = available - widths.Sum();
        var order = Enumerable.Range(0, n).OrderBy(i => wants[i]).ToArray();
        for (var k = 0; k < n; k++)
        {
            var i = order[k];
            var give = Math.Min(wants[i], spare / (n - k));
            widths[i] += give;
            spare -= give;
        }

        for (var i = 0; i < n; i++)
        {
            columns[i].Width = widths[i];
            columns[i].NoWrap = false;
        }

        return table;
    }

    /// <summary>One block of "header: value" lines per row, for a console narrower than the headers side by side.</summary>
    private static Rows Stacked(Table table)
    {
        var blocks = new List<IRenderable>();
        foreach (var row in table.Rows)
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn();
            foreach (var (column, cell) in table.Columns.Zip(row))
            {
                grid.AddRow(column.Header, cell);
            }

            blocks.Add(grid);
            blocks.Add(new Text(string.Empty));
        }

        return new Rows(blocks);
    }

    private static int Width(IRenderable renderable, RenderOptions options) => renderable.Measure(options, int.MaxValue).Max;
}
