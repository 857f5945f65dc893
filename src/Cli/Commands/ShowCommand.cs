using System.CommandLine;
using ProofCheck.Cli.Runs;
using ProofCheck.Pipeline.Reports;
using ProofCheck.Pipeline.Store;
using Spectre.Console;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck show [RUN [PROBLEM]]</c>: the runs in the store, one run's results, or one problem's attempts.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var runArg = new Argument<string?>("run") { Description = "The run id (none: list the runs in the store).", Arity = ArgumentArity.ZeroOrOne };
        var problemArg = new Argument<string?>("problem") { Description = "One problem of the run: its NL proof, every attempt, diagnostics and changes between rounds.", Arity = ArgumentArity.ZeroOrOne };
        var store = RunStoreOption.Create();
        var follow = new Option<bool>("--follow")
        {
            Description = "For a run in progress: keep showing it until it ends, with verdicts and errors as checks finish "
                + "(one line per check when the output is not a terminal). On a terminal a running run is followed anyway.",
        };
        var command = new Command("show", "Show stored runs: per problem and target the verdict, rounds, tokens and time; or one problem in full.")
        {
            runArg, problemArg, store, follow,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var runs = RunStore.OpenExisting(parse.GetValue(store)!, readOnly: true);
            var console = AnsiConsole.Console;
            if (parse.GetValue(runArg) is not { } id)
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumn("run").AddColumn("status").AddColumn("model").AddColumn("problems").AddColumn("started").AddColumn("finished");
                foreach (var r in runs.Runs())
                {
                    table.AddRow(Markup.Escape(r.Id), Markup.Escape(r.Status), Markup.Escape(r.Model), r.Config.Problems.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        r.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture), r.FinishedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-");
                }

                console.Write(TableFit.Fit(table, console));
                return 0;
            }

            var run = runs.GetRun(id);
            if (parse.GetValue(problemArg) is { } problem)
            {
                if (!run.Config.Problems.Contains(problem))
                {
                    throw new Core.UserInputException($"Run {run.Id} has no problem '{problem}'. Its problems: {string.Join(", ", run.Config.Problems)}.");
                }

                ProblemRunView.Write(console, runs, run, problem);
            }
            else if (run.Status == RunInfo.Running && (parse.GetValue(follow) || Interactive))
            {
                await RunFollowView.FollowAsync(console, runs, run.Id, live: Interactive, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                RunResultView.Write(console, run, RunSummary.Build(runs, run));
            }

            return 0;
        });
        return command;
    }

    private static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
}
