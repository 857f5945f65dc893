using System.Collections.Concurrent;
using Hangfire;
using ProofCheck.Core;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Distributed;

/// <summary>
/// One check as a job: everything it needs (the run's settings, the problem's snapshot, the artifact) is read from the
/// store, so a worker needs no file from the coordinator's disk. The unit is one check, not a whole sample: the model
/// loop stays with the coordinator (one model endpoint, its prompts), checks are what costs CPU and what a machine
/// can or cannot run, and a lost check costs one check to redo. The measurements behind that choice: README.md here.
/// </summary>
public sealed class CheckJob(RunStore store, IReadOnlyDictionary<string, IProofChecker> checkers)
{
    // A run's problem snapshots are written once, when it is created (a resume with other problems is refused), and a
    // worker serves many checks of one run: read and parse them once per run, not once per check, which for a run of
    // thousands of problems would cost more than the check. Failed reads are not kept (the store may be restarting).
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, Problem>>> problems = new(StringComparer.Ordinal);

    /// <summary>
    /// Checks one artifact and stores the result once (<see cref="CheckStep"/>): a job delivered again after its
    /// worker died returns the stored result. A verdict such as Refuted is a result, never a failure; only faults
    /// (the store unreachable past its reconnect window, a checker crash) fail the job, and Hangfire retries those
    /// with growing delays.
    /// </summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [2, 10, 30, 60, 120])]
    [JobDisplayName("{3} check of {1} sample {2} round {4} (run {0})")]
    public async Task RunAsync(string runId, string problemId, int sample, string target, int round, CancellationToken cancellationToken)
    {
        var run = store.GetRun(runId);
        var problem = Problems(runId).GetValueOrDefault(problemId)
            ?? throw new InvalidDataException($"Run {runId} has no problem {problemId}.");
        var artifact = store.FindArtifact(runId, problemId, sample, target, round)
            ?? throw new InvalidDataException($"Run {runId} has no {target} artifact for {problemId} sample {sample} round {round}.");
        await CheckStep.RunAsync(store, checkers, run, problem, artifact, cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyDictionary<string, Problem> Problems(string runId)
    {
        if (problems.Count > 16)
        {
            // A worker that outlives many runs keeps only the recent ones.
            problems.Clear();
        }

        return problems.GetOrAdd(runId, id => new(() => RunEngine.Problems(store, id).ToDictionary(p => p.Id, StringComparer.Ordinal), LazyThreadSafetyMode.PublicationOnly)).Value;
    }

    /// <summary>Puts the check of <paramref name="artifact"/> on its checker's queue; returns the job's id.</summary>
    public static string Enqueue(IBackgroundJobClient client, string runId, ArtifactRecord artifact) =>
        client.Create(
            Hangfire.Common.Job.FromExpression<CheckJob>(j => j.RunAsync(runId, artifact.ProblemId, artifact.Sample, artifact.Target, artifact.Round, CancellationToken.None)),
            new Hangfire.States.EnqueuedState(artifact.Target));
}
