using System.CommandLine;
using ProofCheck.Cli.Runs;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Reports;
using ProofCheck.Pipeline.Store;
using Spectre.Console;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck recheck RUN</c>: the checkers of this build over a run's stored artifacts, with no model call.</summary>
internal static class RecheckCommand
{
    public static Command Create()
    {
        var runArg = new Argument<string>("run") { Description = "The run id." };
        var workers = CommonOptions.Workers("Checks at once (default: the number of processors).", () => Math.Max(1, Environment.ProcessorCount));
        var store = RunStoreOption.Create();
        var command = new Command("recheck", "Re-run the checkers over every stored artifact of a run (e.g. after a checker upgrade); earlier results are kept.")
        {
            runArg, store,
        };
        workers.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var runs = RunStore.OpenExisting(parse.GetValue(store)!);
            var run = runs.GetRun(parse.GetValue(runArg)!);
            await using var checkers = RunCheckers.Create();
            var changed = 0;
            var pass = await RecheckEngine.RunAsync(runs, run, checkers.ByTarget, workers.GetValue(parse), check =>
            {
                var original = runs.FindCheck(run.Id, check.ProblemId, check.Sample, check.Target, check.Round, 0);
                if (original is not null && original.Verdict != check.Verdict)
                {
                    Interlocked.Increment(ref changed);
                    Console.Out.WriteLine($"{check.ProblemId} #{check.Sample} {check.Target} round {check.Round}: {original.Report.VerdictText} -> {check.Report.VerdictText}");
                }
            }, ct).ConfigureAwait(false);
            var after = RunSummary.Build(runs, run);
            AnsiConsole.MarkupLine($"Recheck pass {pass} stored: {changed} artifact verdict(s) changed.");
            RunResultView.Write(AnsiConsole.Console, run, after);
            return 0;
        });
        return command;
    }
}
