using System.CommandLine;
using System.Runtime.InteropServices;
using ProofCheck.Cli.Runs;
using ProofCheck.Core;
using ProofCheck.Models;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Reports;
using ProofCheck.Pipeline.Runs;
using ProofCheck.Pipeline.Store;
using Spectre.Console;

namespace ProofCheck.Cli.Commands;

/// <summary>
/// <c>proofcheck run [PROBLEMS...] --model M</c>: the loop over a problem set, stored as it goes, with a live view.
/// Ctrl-C (or a kill) loses nothing: <c>--resume RUN</c> continues where it stopped.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var patterns = new Argument<string[]>("problems")
        {
            Description = "Problems to run: ids, globs (repunit-prime/*), tag:NAME or kind:KIND. None means all.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var model = new Option<string?>("--model", "-m") { Description = "GGUF path, ollama:NAME, openai:NAME, URL#NAME or replay:FILE (default: $" + ModelSelector.ModelVariable + ")." };
        var samples = new Option<int>("--samples", "-k") { Description = "Independent samples per problem.", DefaultValueFactory = _ => 1 };
        var rounds = new Option<int>("--rounds", "-r") { Description = "Repair rounds per sample and target.", DefaultValueFactory = _ => 2 };
        var targets = new Option<string>("--targets") { Description = "Comma-separated: lean, coq, smt.", DefaultValueFactory = _ => "coq,smt" };
        var prompt = new Option<string>("--prompt") { Description = "Prove prompt style: plain or reflective (or any prove-STYLE.md in --prompts).", DefaultValueFactory = _ => "plain" };
        var prompts = new Option<string?>("--prompts") { Description = "A folder of prompt templates overriding the shipped ones, file by file." };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Longest model answer, in tokens.", DefaultValueFactory = _ => 2048 };
        var workers = new Option<int>("--workers", "-j") { Description = "Samples worked on at once (checks of one overlap generation of another).", DefaultValueFactory = _ => 2 };
        var requests = new Option<int>("--parallel-requests") { Description = "Model requests in flight at once (raise for a server that batches).", DefaultValueFactory = _ => 1 };
        var dir = new Option<string>("--dir") { Description = "The problems folder.", DefaultValueFactory = _ => "problems" };
        var store = RunStoreOption.Create();
        var resume = new Option<string?>("--resume") { Description = "Continue an interrupted run with its stored settings." };
        var template = new Option<string?>("--template") { Description = "Embedded model only: a built-in chat template (chatml, llama3, …) for GGUF files without one." };
        var threads = new Option<int>("--threads") { Description = "Embedded model only: CPU threads while generating (0 = half the cores, leaving the rest to the checkers)." };
        var pull = new Option<bool>("--pull") { Description = "Ollama only: pull the model (with a progress bar) if the server does not have it." };
        var context = new Option<int>("--context") { Description = "Embedded model only: context length in tokens.", DefaultValueFactory = _ => 4096 };
        var timeout = new Option<int?>("--timeout") { Description = "Checker time limit per obligation, in seconds." };
        var noSandbox = new Option<bool>("--no-sandbox") { Description = "Run checkers without the sandbox (recorded with every result). Only for trusted input." };
        var command = new Command("run", "Prove, formalize, check and repair: run a model over problems and store every step.")
        {
            patterns, model, samples, rounds, targets, prompt, prompts, maxTokens, workers, requests, dir, store, resume, template, threads, pull, context, timeout, noSandbox,
        };
        command.SetAction(async (parse, outer) =>
        {
            // Ctrl-C and SIGTERM stop the run between steps (every finished step is already stored); a second
            // signal is left to its default, so an impatient user can always end the process at once.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOnce(stop));
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOnce(stop));
            var ct = stop.Token;
            var storePath = parse.GetValue(store)!;
            using var runs = RunStore.Open(storePath);
            RunInfo run;
            if (parse.GetValue(resume) is { } resumeId)
            {
                run = runs.GetRun(resumeId);
                if (run.Status == RunInfo.Finished)
                {
                    AnsiConsole.MarkupLine($"Run {Markup.Escape(run.Id)} is already finished.");
                    RunResultView.Write(AnsiConsole.Console, run, RunSummary.Build(runs, run));
                    return 0;
                }
            }
            else
            {
                var set = ProblemSet.Load(parse.GetValue(dir)!);
                var selected = set.Select(parse.GetValue(patterns) ?? []);
                var config = new RunConfig
                {
                    Model = ModelSelector.Resolve(parse.GetValue(model)),
                    Problems = [.. selected.Select(p => p.Id)],
                    Targets = [.. parse.GetValue(targets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    Samples = parse.GetValue(samples),
                    Rounds = parse.GetValue(rounds),
                    MaxTokens = parse.GetValue(maxTokens),
                    PromptStyle = parse.GetValue(prompt)!,
                    PromptsDirectory = parse.GetValue(prompts) is { } p ? Path.GetFullPath(p) : null,
                    ProblemsDirectory = Path.GetFullPath(set.Directory),
                    CheckTimeoutSeconds = parse.GetValue(timeout),
                    Sandboxed = !parse.GetValue(noSandbox),
                };
                config.Validate();
                Pipeline.Prompts.PromptLibrary.Create(config.PromptsDirectory).Load(Pipeline.Prompts.PromptLibrary.ProveTemplateName(config.PromptStyle));
                run = RunEngine.Create(runs, config, selected, GitRevision());
            }

            var modelSpec = parse.GetValue(model) ?? run.Config.Model;
            Microsoft.Extensions.AI.IChatClient chat;
            try
            {
                chat = ModelSelector.Create(modelSpec, new ModelSelectionOptions
                {
                    ContextLength = parse.GetValue(context),
                    Template = parse.GetValue(template),
                    Threads = parse.GetValue(threads),
                    PullMissing = parse.GetValue(pull),
                    PullProgress = Models.Ollama.OllamaPullProgress.Bar(Console.Error),
                });
            }
            catch (ModelException e)
            {
                runs.SetStatus(run.Id, RunInfo.Interrupted);
                throw new UserInputException($"{e.Message}{(e.Advice is null ? string.Empty : "\nhint: " + e.Advice)}\nThe run {run.Id} is stored; resume it with: proofcheck run --resume {run.Id}{RunStoreOption.Hint(storePath)} --model M", e);
            }

            using (chat)
            {
                await using var checkers = RunCheckers.Create();
                var total = run.Config.Problems.Count * run.Config.Samples;
                var already = run.Config.Problems.Sum(id => Enumerable.Range(0, run.Config.Samples).Count(s => runs.IsSampleDone(run.Id, id, s)));
                var live = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
                var view = new RunProgressView(AnsiConsole.Console, total, already, live);
                AnsiConsole.MarkupLine($"Run [bold]{Markup.Escape(run.Id)}[/]: {run.Config.Problems.Count} problem(s) × {run.Config.Samples} sample(s), store {Markup.Escape(runs.Path)}");
                var engine = new RunEngine(runs, chat, checkers.ByTarget, view) { MaxConcurrentRequests = parse.GetValue(requests) };
                try
                {
                    await view.RunAsync(() => engine.ExecuteAsync(run, parse.GetValue(workers), ct)).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    Console.Error.WriteLine($"Stopped. Every finished step of run {run.Id} is stored; continue with:\n  proofcheck run --resume {run.Id}{RunStoreOption.Hint(storePath)}");
                    return 130;
                }
                catch (ModelException e)
                {
                    throw new UserInputException($"The model failed: {e.Message}{(e.Advice is null ? string.Empty : "\nhint: " + e.Advice)}\nFinished steps are stored; continue with: proofcheck run --resume {run.Id}{RunStoreOption.Hint(storePath)}", e);
                }
            }

            run = runs.GetRun(run.Id);
            RunResultView.Write(AnsiConsole.Console, run, RunSummary.Build(runs, run));
            AnsiConsole.MarkupLine($"Details: proofcheck show {Markup.Escape(run.Id)}{Markup.Escape(RunStoreOption.Hint(storePath))} [[PROBLEM]]");
            return 0;
        });
        return command;
    }

    private static Action<PosixSignalContext> StopOnce(CancellationTokenSource stop) => context =>
    {
        if (!stop.IsCancellationRequested)
        {
            context.Cancel = true;
            Console.Error.WriteLine("Stopping after the current steps… (press Ctrl-C again to quit at once; finished steps are stored)");
            stop.Cancel();
        }
    };

    private static string? GitRevision()
    {
        try
        {
            var head = Path.Combine(".git", "HEAD");
            if (!File.Exists(head))
            {
                return null;
            }

            var text = File.ReadAllText(head).Trim();
            if (!text.StartsWith("ref: ", StringComparison.Ordinal))
            {
                return text;
            }

            var refPath = Path.Combine(".git", text[5..]);
            return File.Exists(refPath) ? File.ReadAllText(refPath).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
