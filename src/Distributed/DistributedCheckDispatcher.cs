using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.States;
using ProofCheck.Core;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Distributed;

/// <summary>
/// The coordinator's side: each check becomes a job on its checker's queue, and the run goes on when the result is in
/// the store. A run whose queue no worker serves says so (and which command starts one) instead of waiting forever.
/// </summary>
public sealed class DistributedCheckDispatcher : ICheckDispatcher
{
    private readonly RunStore store;
    private readonly string storeLocation;
    private readonly PostgreSqlStorage storage;
    private readonly BackgroundJobClient client;
    private readonly TimeSpan workerWait;

    public DistributedCheckDispatcher(RunStore store, string storeLocation, TimeSpan workerWait)
    {
        this.store = store;
        this.storeLocation = storeLocation;
        this.workerWait = workerWait;
        storage = JobQueues.Storage(storeLocation);
        client = new BackgroundJobClient(storage);
    }

    /// <summary>How often the coordinator looks for a result in the store.</summary>
    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public async Task<CheckRecord> CheckAsync(RunInfo run, Problem problem, ArtifactRecord artifact, CancellationToken cancellationToken)
    {
        var queue = artifact.Target;
        if (!JobQueues.Requirements.ContainsKey(queue))
        {
            throw new UserInputException($"No worker queue checks {queue} artifacts.");
        }

        // Enqueued again on resume when the result is not stored yet; a job that runs twice stores one result.
        var jobId = PostgresRetry.Run(
            () => CheckJob.Enqueue(client, run.Id, artifact),
            store.Path);
        var unserved = System.Diagnostics.Stopwatch.StartNew();
        var sinceServerCheck = new System.Diagnostics.Stopwatch();
        while (true)
        {
            if (CheckStep.Stored(store, run.Id, artifact) is { } done)
            {
                return done;
            }

            if (!sinceServerCheck.IsRunning || sinceServerCheck.Elapsed > TimeSpan.FromSeconds(2))
            {
                sinceServerCheck.Restart();
                // While the server is away (restarting) the queue's state is unknown: keep waiting, it comes back.
                if (PostgresRetry.Run(() => Served(queue), store.Path))
                {
                    unserved.Restart();
                }
                else if (unserved.Elapsed > workerWait)
                {
                    throw new UserInputException(
                        $"No worker serves the '{queue}' queue (waited {workerWait.TotalSeconds:0} s). Start one on a machine with {string.Join(" and ", JobQueues.Requirements[queue])}:\n" +
                        $"  proofcheck worker --targets {queue} --store {StoreLocation.Display(storeLocation)}\nthen continue with: proofcheck run --resume {run.Id} --distributed --store {StoreLocation.Display(storeLocation)}");
                }

                PostgresRetry.Run(() => FailIfFailed(jobId, artifact), store.Path);
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether a living worker (one whose heartbeat is recent) listens on <paramref name="queue"/>.</summary>
    private bool Served(string queue) =>
        storage.GetMonitoringApi().Servers().Any(s => s.Queues.Contains(queue) && s.Heartbeat is { } beat && beat > DateTime.UtcNow - TimeSpan.FromMinutes(1));

    private bool FailIfFailed(string jobId, ArtifactRecord artifact)
    {
        using var connection = storage.GetConnection();
        var state = connection.GetStateData(jobId);
        if (state?.Name == FailedState.StateName)
        {
            state.Data.TryGetValue("ExceptionMessage", out var message);
            throw new InvalidOperationException(
                $"The {artifact.Target} check of {artifact.ProblemId} sample {artifact.Sample} round {artifact.Round} failed on every retry: {message}");
        }

        return false;
    }
}
