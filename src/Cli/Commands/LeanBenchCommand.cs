using ProofCheck.Core;
using ProofCheck.LeanBridge;
using Spectre.Console;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck doctor --bench lean</c>: check latency with and without the REPL pool, printed side by side.</summary>
internal static class LeanBenchCommand
{
    private const int Repetitions = 3;

    public static async Task<int> RunAsync(string target, bool json, CancellationToken cancellationToken)
    {
        if (target != LeanTarget.Name)
        {
            throw new UserInputException($"--bench knows 'lean' only (got '{target}').");
        }

        var sandboxed = Execution.Sandbox.IsAvailable;
        var results = await LeanBench.RunAsync(new LeanCheckerOptions(), Repetitions, sandboxed, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            Console.Out.WriteLine(ReportJson.Serialize(results.Select(r => new { r.Mode, r.First, r.Median, r.Milliseconds, r.Verdict })));
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Series", "First (ms)", "Median (ms)", "Verdict");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.Mode), r.First.ToString("0", System.Globalization.CultureInfo.InvariantCulture), r.Median.ToString("0", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(r.Verdict));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(sandboxed ? "Measured in the sandbox." : "[yellow]note:[/] measured WITHOUT the sandbox (bubblewrap is not available).");
        return 0;
    }
}
