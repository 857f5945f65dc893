using ProofCheck.Core;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Pipeline.Loop;

/// <summary>
/// Re-runs the checkers over every stored artifact of a run, without calling the model: for a newer checker, a
/// fixed audit, or a checker that was missing. The results are stored as the next check pass; earlier passes stay.
/// </summary>
public static class RecheckEngine
{
    /// <returns>The pass number the results were stored under.</returns>
    public static async Task<int> RunAsync(
        RunStore store,
        RunInfo run,
        IReadOnlyDictionary<string, IProofChecker> checkers,
        int workers,
        Action<CheckRecord>? onCheck,
        CancellationToken cancellationToken)
    {
        var problems = RunEngine.Problems(store, run.Id).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var pass = store.LastPass(run.Id) + 1;
        var artifacts = store.Artifacts(run.Id);
        await Parallel.ForEachAsync(
            artifacts,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancellationToken },
            async (artifact, ct) =>
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var report = await ArtifactChecker.CheckAsync(checkers, problems[artifact.ProblemId], artifact, run.Config, ct).ConfigureAwait(false);
                var record = new CheckRecord(artifact.ProblemId, artifact.Sample, artifact.Target, artifact.Round, pass, report) { Ms = watch.ElapsedMilliseconds };
                store.RecordCheck(run.Id, record);
                onCheck?.Invoke(record);
            }).ConfigureAwait(false);
        return pass;
    }
}
