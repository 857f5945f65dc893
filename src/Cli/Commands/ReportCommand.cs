using System.CommandLine;
using ProofCheck.Cli.Runs;
using ProofCheck.Core;
using ProofCheck.Pipeline.Store;
using ProofCheck.Reports;
using ProofCheck.Reports.Output;
using ProofCheck.Reports.Study;
using Spectre.Console;

namespace ProofCheck.Cli.Commands;

/// <summary>
/// <c>proofcheck report RUN [RUN_B] [--json] [--csv DIR] [--html FILE]</c>: the measurement a run stands for —
/// rates with intervals at round 0 and after repair, originals against variants, overclaims — from the store alone.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var runArg = new Argument<string>("run") { Description = "The run to report on." };
        var otherArg = new Argument<string?>("run-b") { Description = "A second run: both are paired on their common problems (two models, or two prompts).", Arity = ArgumentArity.ZeroOrOne };
        var json = CommonOptions.Json("Print one JSON document instead of tables (fields: README, \"proofcheck report --json\").");
        var csv = new Option<string?>("--csv") { Description = $"Also write DIR/{StudyCsv.FileName}: one row per problem, target, sample and round (of the first run)." };
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report (plots inline, no network) to FILE." };
        var store = RunStoreOption.Create();
        var command = new Command("report", "Measure a run: verified rates with 95% intervals at round 0 and after repair, pass@k, originals vs variants (paired), overclaims, SMT steps.")
        {
            runArg, otherArg, json, csv, html, store,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var runs = RunStore.OpenExisting(parse.GetValue(store)!);
            var first = StudyReader.Read(runs, parse.GetValue(runArg)!);
            var second = parse.GetValue(otherArg) is { } other ? StudyReader.Read(runs, other) : null;
            var reports = new List<StudyReport> { StudyAnalyzer.Analyze(first) };
            if (second is not null)
            {
                reports.Add(StudyAnalyzer.Analyze(second));
            }

            var comparison = second is null ? null : StudyAnalyzer.Compare(first, second);

            if (parse.GetValue(csv) is { } dir)
            {
                Directory.CreateDirectory(dir);
                await WriteAtomicallyAsync(Path.Combine(dir, StudyCsv.FileName), w => StudyCsv.WriteAsync(w, first, ct)).ConfigureAwait(false);
            }

            if (parse.GetValue(html) is { } htmlPath)
            {
                var page = HtmlReport.Render(first, reports[0], second, comparison);
                await WriteAtomicallyAsync(htmlPath, w => w.WriteAsync(page.AsMemory(), ct)).ConfigureAwait(false);
            }

            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(new StudyDocument(reports, comparison).Serialize().AsMemory(), ct).ConfigureAwait(false);
                return 0;
            }

            foreach (var r in reports)
            {
                StudyReportView.Write(AnsiConsole.Console, r);
            }

            if (comparison is not null)
            {
                StudyReportView.Write(AnsiConsole.Console, comparison);
            }

            return 0;
        });
        return command;
    }

    // A reader never sees half a file: written beside the target, then moved over it.
    private static async Task WriteAtomicallyAsync(string path, Func<TextWriter, Task> write)
    {
        var temp = path + ".partial";
        try
        {
            await using (var writer = new StreamWriter(temp))
            {
                await write(writer).ConfigureAwait(false);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new UserInputException($"Cannot write {path}: {e.Message}");
        }
    }
}
