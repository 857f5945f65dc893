using Hangfire;
using ProofCheck.Core;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Distributed;

/// <summary>
/// A worker process: serves the check queues of the targets it was given (each one checked against this machine's
/// programs before it starts) with <c>workers</c> checks at once, until stopped.
/// </summary>
public static class CheckWorker
{
    /// <summary>Refuses, naming what is missing, any target this machine cannot check.</summary>
    public static void RequireTargets(IReadOnlyList<string> targets)
    {
        var missing = targets.Select(t => (Target: t, Programs: JobQueues.Missing(t))).Where(m => m.Programs.Count > 0).ToList();
        if (missing.Count > 0)
        {
            var first = missing[0];
            throw new CheckerUnavailableException(
                first.Target,
                string.Join("; ", missing.Select(m => $"this machine cannot serve the {m.Target} queue: {string.Join(" and ", m.Programs)} not found on PATH")) + ".",
                $"Install {string.Join(", ", missing.SelectMany(m => m.Programs))} (proofcheck doctor says how), or leave {string.Join(", ", missing.Select(m => m.Target))} out of --targets.");
        }
    }

    /// <summary>The targets this machine can serve (what a worker without --targets serves).</summary>
    public static IReadOnlyList<string> Servable() => [.. JobQueues.Requirements.Keys.Where(t => JobQueues.Missing(t).Count == 0)];

    public static async Task RunAsync(RunStore store, string storeLocation, IReadOnlyList<string> targets, int workers,
        IReadOnlyDictionary<string, IProofChecker> checkers, Action<string> say, CancellationToken cancellationToken)
    {
        var storage = JobQueues.Storage(storeLocation);
        var options = new BackgroundJobServerOptions
        {
            Queues = [.. targets],
            WorkerCount = workers,
            ServerName = $"{Environment.MachineName}:{Environment.ProcessId}",
            Activator = new CheckJobActivator(new CheckJob(store, checkers)),
            HeartbeatInterval = TimeSpan.FromSeconds(10),
            ServerTimeout = TimeSpan.FromMinutes(1),
            ServerCheckInterval = TimeSpan.FromSeconds(30),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        };
        using var server = new BackgroundJobServer(options, storage);
        say($"Worker {options.ServerName}: serving {string.Join(", ", targets)} with {workers} worker(s) from {StoreLocation.Display(storeLocation)}. Ctrl-C stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            say("Stopping: checks in flight are handed back to the queue.");
        }
    }

    private sealed class CheckJobActivator(CheckJob job) : JobActivator
    {
        public override object ActivateJob(Type jobType) => jobType == typeof(CheckJob) ? job : base.ActivateJob(jobType);
    }
}
