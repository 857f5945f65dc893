using System.CommandLine;
using ProofCheck.Cli.Runs;
using ProofCheck.Pipeline.Store;
using Spectre.Console;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck runs delete RUN</c>: manage the runs in a store (listing them is <c>show</c> with no run).</summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var runArg = new Argument<string>("run") { Description = "The run id (see: proofcheck show)." };
        var store = RunStoreOption.Create();
        var delete = new Command("delete", "Delete a run and everything it stored (attempts, artifacts, checks). A run that a living process is running is refused.")
        {
            runArg, store,
        };
        delete.SetAction(parse =>
        {
            using var runs = RunStore.OpenExisting(parse.GetValue(store)!);
            var id = parse.GetValue(runArg)!;
            runs.DeleteRun(id);
            AnsiConsole.MarkupLine($"Deleted run {Markup.Escape(id)} from {Markup.Escape(runs.Path)}.");
            return 0;
        });
        return new Command("runs", "Manage stored runs: runs delete RUN. (List them with: proofcheck show.)") { delete };
    }
}
