using System.CommandLine;
using ProofCheck.Cli.Runs;
using ProofCheck.Core;
using ProofCheck.Pipeline.Reports;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck export RUN --jsonl</c>: the whole run as JSON Lines (run, problems, attempts, artifacts, checks, results).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var runArg = new Argument<string>("run") { Description = "The run id." };
        var jsonl = new Option<bool>("--jsonl") { Description = "JSON Lines: one object per line with a \"type\" field (the only format so far)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var noTimes = new Option<bool>("--no-times") { Description = "Leave out durations and timestamps (to compare the content of two runs)." };
        var store = RunStoreOption.Create();
        var command = new Command("export", "Export a stored run.") { runArg, jsonl, output, noTimes, store };
        command.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(jsonl))
            {
                throw new UserInputException("Choose an export format: --jsonl.");
            }

            using var runs = RunStore.OpenExisting(parse.GetValue(store)!, readOnly: true);
            var id = parse.GetValue(runArg)!;
            runs.GetRun(id);
            if (parse.GetValue(output) is { } path)
            {
                var temp = path + ".partial";
                await using (var writer = new StreamWriter(temp))
                {
                    await RunExport.WriteAsync(writer, runs, id, !parse.GetValue(noTimes), ct).ConfigureAwait(false);
                }

                File.Move(temp, path, overwrite: true);
            }
            else
            {
                await RunExport.WriteAsync(Console.Out, runs, id, !parse.GetValue(noTimes), ct).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
