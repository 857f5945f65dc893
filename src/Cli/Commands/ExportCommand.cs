using System.CommandLine;
using ProofCheck.Cli.Runs;
using ProofCheck.Core;
using ProofCheck.Pipeline.Grading;
using ProofCheck.Pipeline.Reports;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck export RUN --jsonl</c>: the whole run as JSON Lines (run, problems, attempts, artifacts, checks, results); <c>--rl</c>: one line per checked answer for RL trainers.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var runArg = new Argument<string>("run") { Description = "The run id." };
        var jsonl = new Option<bool>("--jsonl") { Description = "JSON Lines: one object per line with a \"type\" field (the only format so far)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var rl = new Option<bool>("--rl") { Description = "JSON Lines for RL trainers: prompt, completion, reward, verdicts per checked answer (README, \"As a reward for RL\")." };
        var noTimes = new Option<bool>("--no-times") { Description = "Leave out durations and timestamps (to compare the content of two runs)." };
        var store = RunStoreOption.Create();
        var command = new Command("export", "Export a stored run.") { runArg, jsonl, rl, output, noTimes, store };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(jsonl) == parse.GetValue(rl))
            {
                throw new UserInputException("Choose one export format: --jsonl (the whole run) or --rl (prompt, completion, reward per answer).");
            }

            using var runs = RunStore.OpenExisting(parse.GetValue(store)!, readOnly: true);
            var id = parse.GetValue(runArg)!;
            runs.GetRun(id);
            Task Write(TextWriter writer) => parse.GetValue(rl)
                ? RlExport.WriteAsync(writer, runs, id, cancellationToken: ct)
                : RunExport.WriteAsync(writer, runs, id, !parse.GetValue(noTimes), ct);
            if (parse.GetValue(output) is { } path)
            {
                var temp = path + ".partial";
                await using (var writer = new StreamWriter(temp))
                {
                    await Write(writer).ConfigureAwait(false);
                }

                File.Move(temp, path, overwrite: true);
            }
            else
            {
                await Write(Console.Out).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
