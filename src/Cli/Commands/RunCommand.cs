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
using ProofCheck.Pipeline.Targets;

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
        var model = CommonOptions.Model();
        var samples = new Option<int>("--samples", "-k") { Description = "Independent samples per problem.", DefaultValueFactory = _ => 1 };
        var rounds = new Option<int>("--rounds", "-r") { Description = "Repair rounds per sample and target.", DefaultValueFactory = _ => 2 };
        var targets = new Option<string>("--targets") { Description = $"Comma-separated: {string.Join(", ", CheckTargets.Names)}.", DefaultValueFactory = _ => "coq,smt" };
        var prompt = new Option<string>("--prompt") { Description = "Prove prompt style: plain or reflective (or any prove-STYLE.md in --prompts).", DefaultValueFactory = _ => "plain" };
        var prompts = new Option<string?>("--prompts") { Description = "A folder of prompt templates overriding the shipped ones, file by file." };
        var maxTokens = CommonOptions.MaxTokens(
            "Longest model answer in tokens, thinking included. Reasoning models (QwQ, DeepSeek-R1) think for thousands of " +
            "tokens before answering: keep 16384 or more for them, and a --context that holds prompt plus answer. An answer cut off " +
            "at this limit is stored as truncated and never formalized or checked; lower it only for models that answer directly.");
        var temperature = CommonOptions.Temperature();
        var topP = new Option<float?>("--top-p") { Description = "Nucleus sampling threshold (0-1] sent with every request (default: the backend's)." };
        var seed = CommonOptions.Seed("Mixed into every sample's seed, to draw a different but repeatable set of samples.");
        var workers = CommonOptions.Workers("Samples worked on at once (checks of one overlap generation of another); may change on --resume.", () => 2);
        var requests = new Option<int>("--parallel-requests") { Description = "Model requests in flight at once (raise for a server that batches); may change on --resume.", DefaultValueFactory = _ => 1 };
        var dir = CommonOptions.ProblemsDirectory();
        var store = RunStoreOption.Create();
        var resume = new Option<string?>("--resume") { Description = "Continue an interrupted run with the settings it was started with (options that differ are refused)." };
        var allowModelChange = new Option<bool>("--allow-model-change") { Description = "With --resume: continue with the --model (and --template/--threads/--context) given, not the stored one." };
        var steal = new Option<bool>("--steal")
        {
            Description = "With --resume: take over a run still held by a process on another machine (a coordinator there that is gone). " +
                "A run held on this machine is taken over by itself once its process has died.",
        };
        var template = CommonOptions.Template();
        var threads = CommonOptions.Threads();
        var pull = CommonOptions.Pull();
        var context = CommonOptions.Context();
        var timeout = CommonOptions.CheckerTimeout();
        var noSandbox = CommonOptions.NoSandbox();
        var distributed = new Option<bool>("--distributed")
        {
            Description = "Check on workers ('proofcheck worker', on any number of machines) instead of in this process: each check becomes a job " +
                "on its checker's queue (smt, coq, lean) in the store's PostgreSQL database. Needs --store postgres://…; may change on --resume. " +
                "Raise --workers so more checks are queued at once.",
        };
        var workerWait = new Option<int>("--worker-wait")
        {
            Description = "With --distributed: seconds to wait for a worker serving a queue before stopping with a message that says which worker to start.",
            DefaultValueFactory = _ => 120,
        };
        var command = new Command(
            "run",
            "Prove, formalize, check and repair: run a model over problems and store every step.\n" +
            "Exit codes: 0 every target of every problem Verified; 1 otherwise (or stopped); 2 bad input or a model that fails; 3 a needed checker is missing; 130 Ctrl-C.")
        {
            patterns, model, samples, rounds, targets, prompt, prompts, maxTokens, temperature, topP, seed, requests, store, resume, allowModelChange, steal,
            template, threads, pull, context, timeout, noSandbox, distributed, workerWait,
        };
        workers.AddTo(command);
        dir.AddTo(command);
        command.SetAction(async (parse, outer) =>
        {
            // A run checks while its model writes: checkers start below the model's priority (CheckerPriority).
            Execution.CheckerPriority.YieldToModel();
            // Ctrl-C and SIGTERM stop the run between steps (every finished step is already stored); a second
            // signal is left to its default, so an impatient user can always end the process at once.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOnce(stop));
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOnce(stop));
            var ct = stop.Token;
            var workerCount = workers.GetValue(parse);
            if (parse.GetValue(requests) < 1)
            {
                throw new UserInputException("--parallel-requests must be at least 1.");
            }

            var storePath = parse.GetValue(store)!;
            var onWorkers = parse.GetValue(distributed);
            if (onWorkers)
            {
                // Refused before anything is stored: a SQLite file cannot be shared with other machines.
                Distributed.JobQueues.Storage(storePath);
            }

            using var runs = RunStore.Open(storePath);
            RunInfo run;
            Microsoft.Extensions.AI.IChatClient chat;
            if (parse.GetValue(resume) is { } resumeId)
            {
                run = runs.GetRun(resumeId);
                if (run.Status == RunInfo.Finished)
                {
                    AnsiConsole.MarkupLine($"Run {Markup.Escape(run.Id)} is already finished.");
                    return Finish(runs, run, storePath);
                }

                var config = ResumedConfig(parse, run, patterns, model, samples, rounds, targets, prompt, prompts, maxTokens, temperature, topP, seed, dir,
                    allowModelChange, template, threads, context, timeout, noSandbox);
                // Claimed before the model loads, so a second process is told at once that the run is taken.
                runs.Claim(run.Id, parse.GetValue(steal));
                try
                {
                    chat = CreateModel(config, parse.GetValue(pull));
                }
                catch (UserInputException)
                {
                    runs.SetStatus(run.Id, RunInfo.Interrupted);
                    throw;
                }

                if (config != run.Config)
                {
                    runs.UpdateConfig(run.Id, config);
                    run = runs.GetRun(run.Id);
                }
            }
            else
            {
                var set = ProblemSet.Load(dir.GetValue(parse));
                var selected = set.Select(parse.GetValue(patterns) ?? []);
                var promptsDir = parse.GetValue(prompts) is { } p ? Path.GetFullPath(p) : null;
                string modelSpec;
                try
                {
                    modelSpec = ModelSelector.Resolve(parse.GetValue(model));
                }
                catch (ModelException e)
                {
                    throw Explained(e, string.Empty);
                }

                var config = new RunConfig
                {
                    Model = modelSpec,
                    Problems = [.. selected.Select(p => p.Id)],
                    Targets = [.. parse.GetValue(targets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    Samples = parse.GetValue(samples),
                    Rounds = parse.GetValue(rounds),
                    MaxTokens = parse.GetValue(maxTokens),
                    Temperature = parse.GetValue(temperature),
                    TopP = parse.GetValue(topP),
                    Seed = parse.GetValue(seed),
                    Template = parse.GetValue(template),
                    Threads = parse.GetValue(threads),
                    ContextLength = parse.GetValue(context),
                    PromptStyle = parse.GetValue(prompt)!,
                    PromptsDirectory = promptsDir,
                    PromptsHash = Pipeline.Prompts.PromptLibrary.OverridesHash(promptsDir),
                    ProblemsDirectory = Path.GetFullPath(set.Directory),
                    CheckTimeoutSeconds = CommonOptions.WholeSeconds(parse, timeout),
                    Sandboxed = !parse.GetValue(noSandbox),
                };
                config.Validate();
                Pipeline.Prompts.PromptLibrary.Create(config.PromptsDirectory).Load(Pipeline.Prompts.PromptLibrary.ProveTemplateName(config.PromptStyle));
                // The model is loaded before the run exists: a model that cannot answer leaves no empty run behind.
                chat = CreateModel(config, parse.GetValue(pull));
                try
                {
                    run = RunEngine.Create(runs, config, selected, GitRevision());
                }
                catch
                {
                    chat.Dispose();
                    throw;
                }
            }

            using (chat)
            {
                await using var checkers = RunCheckers.Create();
                var total = run.Config.Problems.Count * run.Config.Samples;
                var already = run.Config.Problems.Sum(id => Enumerable.Range(0, run.Config.Samples).Count(s => runs.IsSampleDone(run.Id, id, s)));
                var live = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
                var view = new RunProgressView(AnsiConsole.Console, total, already, live);
                AnsiConsole.MarkupLine($"Run [bold]{Markup.Escape(run.Id)}[/]: {run.Config.Problems.Count} problem(s) × {run.Config.Samples} sample(s), store {Markup.Escape(runs.Path)}");
                var engine = new RunEngine(runs, chat, checkers.ByTarget, view)
                {
                    MaxConcurrentRequests = parse.GetValue(requests),
                    Dispatcher = onWorkers ? new Distributed.DistributedCheckDispatcher(runs, storePath, TimeSpan.FromSeconds(parse.GetValue(workerWait))) : null,
                };
                try
                {
                    await view.RunAsync(() => engine.ExecuteAsync(run, workerCount, ct)).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    Console.Error.WriteLine($"Stopped. Every finished step of run {run.Id} is stored; continue with:\n  proofcheck run --resume {run.Id}{(onWorkers ? " --distributed" : string.Empty)}{RunStoreOption.Hint(storePath)}");
                    return 130;
                }
                catch (ModelException e)
                {
                    throw Explained(e, $"\nFinished steps are stored; continue with: proofcheck run --resume {run.Id}{RunStoreOption.Hint(storePath)}");
                }
            }

            return Finish(runs, runs.GetRun(run.Id), storePath);
        });
        return command;
    }

    /// <summary>Prints the run's results; the exit code is 0 only when every target of every problem is Verified.</summary>
    private static int Finish(RunStore runs, RunInfo run, string storePath)
    {
        var summary = RunSummary.Build(runs, run);
        RunResultView.Write(AnsiConsole.Console, run, summary);
        AnsiConsole.MarkupLine($"Details: proofcheck show {Markup.Escape(run.Id)}{Markup.Escape(RunStoreOption.Hint(storePath))} [[PROBLEM]]");
        var pairs = summary.SelectMany(p => p.Targets).ToList();
        return pairs.Count > 0 && pairs.All(t => t.Verdict == Verdict.Verified) && summary.All(p => p.Targets.Count > 0)
            ? ExitCodes.AllVerified
            : ExitCodes.NotVerified;
    }

    /// <summary>The stored settings of a resumed run, after refusing any given option that differs from them.</summary>
    private static RunConfig ResumedConfig(
        ParseResult parse, RunInfo run, Argument<string[]> patterns, Option<string?> model, Option<int> samples, Option<int> rounds, Option<string> targets,
        Option<string> prompt, Option<string?> prompts, Option<int> maxTokens, Option<float?> temperature, Option<float?> topP, Option<int?> seed,
        RenamedOption<string> dir, Option<bool> allowModelChange, Option<string?> template, Option<int> threads, Option<int> context, Option<double?> timeout,
        Option<bool> noSandbox)
    {
        if (parse.GetValue(patterns) is { Length: > 0 })
        {
            throw new UserInputException($"--resume continues run {run.Id} with its own problems; leave out the problem patterns.");
        }

        var c = run.Config;
        var check = new ResumeSettings(parse, c, run.Id);
        static string Text(object? value) => value is null ? string.Empty : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
        check.Same(model, c.Model, v => v ?? string.Empty, isModelSetting: true);
        check.Same(template, c.Template ?? string.Empty, v => v ?? string.Empty, isModelSetting: true);
        check.Same(threads, Text(c.Threads), v => Text(v), isModelSetting: true);
        check.Same(context, Text(c.ContextLength), v => Text(v), isModelSetting: true);
        check.Same(samples, Text(c.Samples), v => Text(v));
        check.Same(rounds, Text(c.Rounds), v => Text(v));
        check.Same(targets, string.Join(",", c.Targets), v => string.Join(",", v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        check.Same(prompt, c.PromptStyle, v => v);
        check.Same(prompts, c.PromptsDirectory ?? string.Empty, v => v is null ? string.Empty : Path.GetFullPath(v));
        check.Same(maxTokens, Text(c.MaxTokens), v => Text(v));
        check.Same(temperature, Text(c.Temperature), v => Text(v));
        check.Same(topP, Text(c.TopP), v => Text(v));
        check.Same(seed, Text(c.Seed), v => Text(v));
        check.Same(dir.Current, c.ProblemsDirectory, Path.GetFullPath);
        check.Same(dir.Old, c.ProblemsDirectory, Path.GetFullPath);
        check.Same(timeout, Text(c.CheckTimeoutSeconds), _ => Text(CommonOptions.WholeSeconds(parse, timeout)));
        check.Same(noSandbox, Text(!c.Sandboxed), v => Text(v));
        var allow = parse.GetValue(allowModelChange);
        check.ThrowIfRefused(allow);
        if (!allow || !check.ModelChanged)
        {
            return c;
        }

        var changed = c with
        {
            Model = parse.GetValue(model) ?? c.Model,
            Template = parse.GetResult(template) is { Implicit: false } ? parse.GetValue(template) : c.Template,
            Threads = parse.GetResult(threads) is { Implicit: false } ? parse.GetValue(threads) : c.Threads,
            ContextLength = parse.GetResult(context) is { Implicit: false } ? parse.GetValue(context) : c.ContextLength,
        };
        changed.Validate();
        return changed;
    }

    /// <summary>
    /// The chat client for a run's settings, checked before any request: a GGUF without a chat template (and no
    /// --template) or an unknown template name is refused now, not at the first model step.
    /// </summary>
    private static Microsoft.Extensions.AI.IChatClient CreateModel(RunConfig config, bool pullMissing)
    {
        Microsoft.Extensions.AI.IChatClient? chat = null;
        try
        {
            chat = ModelSelector.Create(config.Model, new ModelSelectionOptions
            {
                ContextLength = config.ContextLength,
                Template = config.Template,
                Threads = config.Threads,
                PullMissing = pullMissing,
                PullProgress = Models.Ollama.OllamaPullProgress.Bar(Console.Error),
            });
            if (chat.GetService(typeof(Models.Llama.LlamaModel)) is Models.Llama.LlamaModel gguf)
            {
                var builtIn = Models.Llama.LlamaRuntime.BuiltInTemplates();
                if (config.Template is { } name && !builtIn.Contains(name))
                {
                    throw new ModelException($"--template {name} is not a chat template llama.cpp knows.", "Built-in templates: " + string.Join(", ", builtIn) + ".");
                }

                if (config.Template is null && gguf.ChatTemplate is null)
                {
                    throw new ModelException(
                        $"{Path.GetFileName(gguf.Path)} has no chat template.",
                        "Name a built-in one with --template, e.g. " + string.Join(", ", new[] { "chatml", "llama3", "mistral-v7" }.Where(builtIn.Contains)) + ".");
                }
            }

            return chat;
        }
        catch (ModelException e)
        {
            chat?.Dispose();
            throw Explained(e, string.Empty);
        }
    }

    private static UserInputException Explained(ModelException e, string tail) =>
        new($"{e.Message}{(e.Advice is null ? string.Empty : "\nhint: " + e.Advice)}{tail}", e);

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
