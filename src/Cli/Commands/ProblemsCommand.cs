using System.CommandLine;
using ProofCheck.Cli.Problems;
using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Problems.Validation;
using Spectre.Console;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck problems list|show|validate</c>: browse the problem set and check that it is sound.</summary>
internal static class ProblemsCommand
{
    public static Command Create()
    {
        var problems = new Command("problems", "Browse the problem set (problems/) and validate it with the real checkers.");
        problems.Subcommands.Add(List());
        problems.Subcommands.Add(Show());
        problems.Subcommands.Add(Validate());
        return problems;
    }

    private static RenamedOption<string> DirOption() => CommonOptions.ProblemsDirectory();

    private static Argument<string[]> PatternsArgument() => new("patterns")
    {
        Description = "Problems to include: ids, globs (repunit-prime/*), tag:NAME or kind:textbook|competition|folklore|novel. None means all.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Command List()
    {
        var dir = DirOption();
        var patterns = PatternsArgument();
        var json = CommonOptions.Json("Print the problems as JSON.");
        var command = new Command("list", "List the problems: id, provenance, which formal statements and reference proofs each has.") { patterns, json };
        dir.AddTo(command);
        command.SetAction(parse =>
        {
            var set = ProblemSet.Load(dir.GetValue(parse));
            var selected = set.Select(parse.GetValue(patterns) ?? []);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ReportJson.Serialize(selected.Select(ProblemJson.Summary)));
            }
            else
            {
                ProblemTableView.Write(AnsiConsole.Console, selected, set);
            }

            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var dir = DirOption();
        var id = new Argument<string>("id") { Description = "The problem's id, e.g. repunit-prime or repunit-prime/base-3." };
        var json = CommonOptions.Json("Print the problem, with all its files, as JSON.");
        var command = new Command("show", "Show one problem: provenance, statements (Markdown, Lean, Coq), reference proofs and variants.") { id, json };
        dir.AddTo(command);
        command.SetAction(parse =>
        {
            var set = ProblemSet.Load(dir.GetValue(parse));
            var problem = set.Get(parse.GetValue(id)!);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ReportJson.Serialize(ProblemJson.Full(problem)));
            }
            else
            {
                ProblemDetailView.Write(AnsiConsole.Console, problem, set);
            }

            return 0;
        });
        return command;
    }

    private static Command Validate()
    {
        var dir = DirOption();
        var patterns = PatternsArgument();
        var strict = new Option<bool>("--strict") { Description = "Count a check that could not run here (a checker is missing) as a failure." };
        var workers = CommonOptions.Workers("How many checks run at once (default: the number of processors).", () => Math.Max(1, Environment.ProcessorCount));
        var options = new CheckOptions(ValidationOptions.DefaultTimeout);
        var command = new Command(
            "validate",
            "Check every manifest, statement file (generated variants included), reference proof (must be Verified) and broken copy (must not be). " +
            "Exit codes: 0 all good, 1 a check failed (or, with --strict, could not run), 2 bad input.")
        {
            patterns, strict,
        };
        dir.AddTo(command);
        workers.AddTo(command);
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var parallelism = workers.GetValue(parse);
            var timeout = options.TimeoutFrom(parse);
            var set = ProblemSet.Read(dir.GetValue(parse));
            var wanted = parse.GetValue(patterns) ?? [];
            var subset = wanted.Length == 0 ? set : set.Restrict(set.Select(wanted));

            var validator = new ProblemValidator(new ValidationOptions
            {
                Checkers = ValidationCheckers.Available(),
                LeanMainTheorem = ValidationCheckers.LeanMainTheorem(),
                Timeout = timeout,
                Sandboxed = !parse.GetValue(options.NoSandbox),
                MaxParallelism = parallelism,
            });
            var progress = new ValidationProgress(Console.Error, Path.GetFullPath(set.Directory));
            var results = await validator.ValidateAsync(subset, progress.Report, ct).ConfigureAwait(false);
            return ValidationReportView.Write(results, parse.GetValue(strict), parse.GetValue(options.Json), set.Directory);
        });
        return command;
    }
}
