using System.Diagnostics;
using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Pipeline.Loop;

/// <summary>
/// Checks one stored artifact and stores the result, once: where the store already holds the result (a resumed run,
/// or a check job delivered a second time after its worker died) that result is returned and nothing is rechecked;
/// where two deliveries race, the first stored result is the one both return.
/// </summary>
public static class CheckStep
{
    public static async Task<CheckRecord> RunAsync(
        RunStore store,
        IReadOnlyDictionary<string, IProofChecker> checkers,
        RunInfo run,
        Problem problem,
        ArtifactRecord artifact,
        CancellationToken cancellationToken)
    {
        if (Stored(store, run.Id, artifact) is { } done)
        {
            return done;
        }

        var watch = Stopwatch.StartNew();
        var report = await ArtifactChecker.CheckAsync(checkers, problem, artifact, run.Config, cancellationToken).ConfigureAwait(false);
        store.RecordCheck(run.Id, new CheckRecord(problem.Id, artifact.Sample, artifact.Target, artifact.Round, 0, report) { Ms = watch.ElapsedMilliseconds });
        if (report.CheckerVersion is not null)
        {
            store.AddCheckerVersions(run.Id, new Dictionary<string, string> { [report.Checker] = report.CheckerVersion });
        }

        return Stored(store, run.Id, artifact) ?? throw new InvalidOperationException($"The check of {problem.Id} sample {artifact.Sample} {artifact.Target} round {artifact.Round} was not stored.");
    }

    public static CheckRecord? Stored(RunStore store, string runId, ArtifactRecord artifact) =>
        store.FindCheck(runId, artifact.ProblemId, artifact.Sample, artifact.Target, artifact.Round);
}

/// <summary>Where a run's checks are done: in this process, or by workers on other machines.</summary>
public interface ICheckDispatcher
{
    /// <summary>Has <paramref name="artifact"/> checked and its result stored; returns the stored result.</summary>
    Task<CheckRecord> CheckAsync(RunInfo run, Problem problem, ArtifactRecord artifact, CancellationToken cancellationToken);
}

/// <summary>Checks in this process, with this machine's checkers.</summary>
public sealed class LocalCheckDispatcher(RunStore store, IReadOnlyDictionary<string, IProofChecker> checkers) : ICheckDispatcher
{
    public Task<CheckRecord> CheckAsync(RunInfo run, Problem problem, ArtifactRecord artifact, CancellationToken cancellationToken) =>
        CheckStep.RunAsync(store, checkers, run, problem, artifact, cancellationToken);
}
