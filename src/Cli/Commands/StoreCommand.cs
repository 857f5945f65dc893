using System.CommandLine;
using ProofCheck.Core;
using ProofCheck.Pipeline.Store;
using Spectre.Console;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck store copy FROM TO</c>: move runs between stores (a laptop's SQLite into the lab's PostgreSQL, and back).</summary>
internal static class StoreCommand
{
    public static Command Create()
    {
        var from = new Argument<string>("from") { Description = "The store to copy from: a SQLite file or postgres://USER@HOST:PORT/DB." };
        var to = new Argument<string>("to") { Description = "The store to copy into (created, or upgraded, as needed)." };
        var runIds = new Option<string[]>("--run") { Description = "Copy only this run (repeatable). Default: every run.", AllowMultipleArgumentsPerToken = true };
        var copy = new Command(
            "copy",
            "Copy runs, every row as stored (attempts, artifacts, checks of every pass), from one store into another. Each run is copied " +
            "in one transaction; a run the target already holds is skipped and named, so copying again after an interruption completes the copy.")
        {
            from, to, runIds,
        };
        copy.SetAction(parse =>
        {
            var source = parse.GetValue(from)!;
            var target = parse.GetValue(to)!;
            if (StoreLocation.Same(source, target))
            {
                throw new UserInputException("FROM and TO are the same store.");
            }

            using var sourceStore = RunStore.OpenExisting(source, readOnly: true);
            using var targetStore = RunStore.Open(target);
            var ids = parse.GetValue(runIds) is { Length: > 0 } chosen ? chosen : [.. sourceStore.Runs().Select(r => r.Id).Reverse()];
            var copied = 0;
            foreach (var id in ids)
            {
                if (sourceStore.CopyRunTo(targetStore, id))
                {
                    copied++;
                    AnsiConsole.MarkupLine($"copied  {Markup.Escape(id)}");
                }
                else
                {
                    AnsiConsole.MarkupLine($"skipped {Markup.Escape(id)}: {Markup.Escape(targetStore.Path)} already holds a run with this id");
                }
            }

            AnsiConsole.MarkupLine($"{copied} of {ids.Length} run(s) copied from {Markup.Escape(sourceStore.Path)} to {Markup.Escape(targetStore.Path)}.");
            return 0;
        });
        return new Command("store", "Manage run stores: store copy FROM TO moves runs between SQLite and PostgreSQL.") { copy };
    }
}
