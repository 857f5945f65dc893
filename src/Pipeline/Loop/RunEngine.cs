using System.Text.Json;
using Microsoft.Extensions.AI;
using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Prompts;
using ProofCheck.Pipeline.Runs;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Pipeline.Loop;

/// <summary>
/// Runs every (problem, sample) of a run on <c>workers</c> parallel workers. Checks of one worker overlap the
/// model calls of another; model calls themselves are limited to what the backend accepts at once.
/// </summary>
public sealed class RunEngine(RunStore store, IChatClient model, IReadOnlyDictionary<string, IProofChecker> checkers, IRunObserver? observer = null)
{
    private readonly IRunObserver observer = observer ?? NullRunObserver.Instance;

    /// <summary>How many model requests may be in flight at once (1 for a local model; more for a server that batches).</summary>
    public int MaxConcurrentRequests { get; init; } = 1;

    /// <summary>Where checks run: this process with <c>checkers</c> (the default), or workers fed through a job queue.</summary>
    public ICheckDispatcher? Dispatcher { get; init; }

    /// <summary>Creates a new run in the store: its configuration and a snapshot of each problem as it is now.</summary>
    public static RunInfo Create(RunStore store, RunConfig config, IReadOnlyList<Problem> problems, string? gitRevision = null)
    {
        config.Validate();
        var now = DateTimeOffset.UtcNow;
        var run = new RunInfo(RunStore.NewRunId(now), now, RunInfo.Running, config.Model, config)
        {
            GitRevision = gitRevision,
            ProofCheckVersion = typeof(RunEngine).Assembly.GetName().Version?.ToString(),
        };
        store.CreateRun(run, problems.Select(p => (p.Id, JsonSerializer.Serialize(p, ReportJson.Options))));
        return run;
    }

    /// <summary>The problems of a stored run, as they were when it started (later edits to problems/ do not leak in).</summary>
    public static IReadOnlyList<Problem> Problems(RunStore store, string runId) =>
        [.. store.RunProblems(runId).Select(p => JsonSerializer.Deserialize<Problem>(p.ProblemJson, ReportJson.Options)
            ?? throw new InvalidDataException($"The stored snapshot of problem {p.ProblemId} is empty."))];

    /// <summary>
    /// Runs (or resumes) <paramref name="run"/> until every sample is done. Cancellation leaves the run
    /// "interrupted" with every finished step stored; running it again continues from there.
    /// </summary>
    public async Task ExecuteAsync(RunInfo run, int workers, CancellationToken cancellationToken)
    {
        if (workers < 1)
        {
            throw new UserInputException("--workers must be at least 1.");
        }

        if (PromptLibrary.OverridesHash(run.Config.PromptsDirectory) != run.Config.PromptsHash)
        {
            throw new UserInputException(
                $"The prompt templates in {run.Config.PromptsDirectory} changed since run {run.Id} started; resuming would build different prompts. " +
                "Restore them, or start a new run.");
        }

        var prompts = PromptLibrary.Create(run.Config.PromptsDirectory);
        prompts.Load(PromptLibrary.ProveTemplateName(run.Config.PromptStyle));
        var problems = Problems(store, run.Id);
        using var gate = new SemaphoreSlim(Math.Max(1, MaxConcurrentRequests));
        var context = new RunContext(run, store, model, Dispatcher ?? new LocalCheckDispatcher(store, checkers), prompts, observer, gate);
        var jobs = problems.SelectMany(p => Enumerable.Range(0, run.Config.Samples).Select(s => (Problem: p, Sample: s)))
            .Where(j => !store.IsSampleDone(run.Id, j.Problem.Id, j.Sample))
            .ToList();

        store.Claim(run.Id);
        var slots = new System.Collections.Concurrent.ConcurrentQueue<int>(Enumerable.Range(1, workers));
        try
        {
            await Parallel.ForEachAsync(
                jobs,
                new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
                async (job, ct) =>
                {
                    slots.TryDequeue(out var worker);
                    try
                    {
                        await new SampleRunner(context, job.Problem, job.Sample, worker).RunAsync(ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        slots.Enqueue(worker);
                    }
                }).ConfigureAwait(false);
        }
        catch
        {
            store.SetStatus(run.Id, RunInfo.Interrupted);
            throw;
        }

        store.SetStatus(run.Id, RunInfo.Finished, DateTimeOffset.UtcNow);
    }
}
