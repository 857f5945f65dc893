using System.Diagnostics;
using Npgsql;
using ProofCheck.Pipeline.Store;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>
/// Distributed runs with real processes on a real PostgreSQL server: a coordinator (<c>run --distributed</c>) and
/// workers (<c>worker</c>), killed with SIGKILL, cut off by a server restart, or short of a checker. Each ends with
/// exactly the verdicts of the same run made in one process on SQLite.
/// </summary>
public sealed class DistributedSpecs(DistributedSpecs.Reference reference) : IClassFixture<DistributedSpecs.Reference>
{
    private static readonly string[] Problems = ["decimal-comparison", "strawberry-r-count"];

    private static readonly string Replay = Path.Combine(RepoPaths.Root, "examples", "memorization", "replay.jsonl");

    internal static string[] RunArguments(string store) =>
    [
        "run", .. Problems, "--model", "replay:" + Replay, "--samples", "1", "--rounds", "1", "--targets", "coq,smt",
        "--dir", RepoPaths.Problems, "--workers", "4", "--store", store,
    ];

    [RequiresPostgresFact]
    public async Task A_worker_killed_in_the_middle_of_a_check_loses_nothing_another_worker_takes_the_check()
    {
        using var db = PostgresServer.CreateDatabase();
        using var first = Worker(db, "--workers", "1");
        using var coordinator = ProofCheckCli.Start([.. RunArguments(db.Url), "--distributed"]);
        var output = Drain(coordinator);
        await WaitUntilAsync(() => TakenJobs(db) > 0, "a worker to take a check");
        first.Kill(entireProcessTree: true);
        using var second = Worker(db, "--workers", "2", "--requeue-after", "5");

        Assert.Equal(0, await ExitAsync(coordinator, output));
        Assert.Equal(reference.Verdicts, Verdicts(db.Url));
    }

    [RequiresPostgresFact]
    public async Task A_coordinator_killed_mid_run_is_resumed_from_the_store()
    {
        using var db = PostgresServer.CreateDatabase();
        using var worker = Worker(db, "--workers", "2");
        using (var coordinator = ProofCheckCli.Start([.. RunArguments(db.Url), "--distributed"]))
        {
            _ = Drain(coordinator);
            await WaitUntilAsync(() => StoredChecks(db.Url) > 0, "a first check result");
            coordinator.Kill(entireProcessTree: true);
            await coordinator.WaitForExitAsync();
        }

        string runId;
        using (var store = RunStore.Open(db.Url))
        {
            runId = store.Runs().Single().Id;
        }

        var (code, resumed) = await ProofCheckCli.RunAsync(["run", "--resume", runId, "--distributed", "--store", db.Url]);
        Assert.True(code == 0, resumed);
        Assert.Equal(reference.Verdicts, Verdicts(db.Url));
    }

    [RequiresPostgresFact(Restarts = true)]
    public async Task A_PostgreSQL_restart_in_the_middle_of_a_run_is_ridden_out_by_coordinator_and_workers()
    {
        using var db = PostgresServer.CreateDatabase();
        using var worker = Worker(db, "--workers", "2");
        using var coordinator = ProofCheckCli.Start([.. RunArguments(db.Url), "--distributed"]);
        var output = Drain(coordinator);
        await WaitUntilAsync(() => StoredChecks(db.Url) > 0, "a first check result");
        using (var restart = Process.Start("bash", ["-c", PostgresServer.RestartCommand! + " 3"]))
        {
            await restart.WaitForExitAsync();
            Assert.Equal(0, restart.ExitCode);
        }

        Assert.Equal(0, await ExitAsync(coordinator, output));
        Assert.Equal(reference.Verdicts, Verdicts(db.Url));
    }

    [RequiresPostgresFact]
    public async Task A_worker_on_a_machine_without_coqc_refuses_the_coq_queue_and_never_takes_a_coq_check()
    {
        using var db = PostgresServer.CreateDatabase();
        var noCoq = PathWithout("coq");
        var env = new Dictionary<string, string?> { ["PATH"] = noCoq };
        var (refusedCode, refused) = await ProofCheckCli.RunAsync(["worker", "--targets", "smt,coq", "--store", db.Url], env);
        Assert.Equal(3, refusedCode);
        Assert.Contains("cannot serve the coq queue: coqc not found on PATH", refused, StringComparison.Ordinal);

        using var smtOnly = Worker(db, env, "--workers", "2");
        using var coordinator = ProofCheckCli.Start([.. RunArguments(db.Url), "--distributed"]);
        var output = Drain(coordinator);
        await WaitUntilAsync(() => StoredChecks(db.Url, "smt") == Problems.Length, "the smt checks");
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(0, StoredChecks(db.Url, "coq"));
        Assert.False(coordinator.HasExited, "the run ended without its coq checks");

        using var coq = Worker(db, "--targets", "coq", "--workers", "2");
        Assert.Equal(0, await ExitAsync(coordinator, output));
        Assert.Equal(reference.Verdicts, Verdicts(db.Url));
        Directory.Delete(noCoq, recursive: true);
    }

    [RequiresPostgresFact]
    public async Task A_worker_asked_for_a_model_queue_is_told_the_model_steps_stay_with_the_coordinator()
    {
        using var db = PostgresServer.CreateDatabase();

        var (code, output) = await ProofCheckCli.RunAsync(["worker", "--targets", "smt,model", "--store", db.Url]);
        var (_, help) = await ProofCheckCli.RunAsync(["worker", "--help"]);

        Assert.True(code == 2, output);
        Assert.Contains("There is no model queue: the model steps (prove, formalize, repair) stay with the coordinator", output, StringComparison.Ordinal);
        Assert.Contains("There is no model queue", System.Text.RegularExpressions.Regex.Replace(help, @"\s+", " "), StringComparison.Ordinal);
    }

    /// <summary>The same run in one process on SQLite: what every distributed run must end with.</summary>
    public sealed class Reference : IAsyncLifetime
    {
        public IReadOnlyList<string> Verdicts { get; private set; } = [];

        public async Task InitializeAsync()
        {
            if (PostgresServer.AdminUrl is null)
            {
                return;
            }

            var folder = Directory.CreateTempSubdirectory("proofcheck-reference-").FullName;
            var store = Path.Combine(folder, "runs.db");
            var (code, output) = await ProofCheckCli.RunAsync(RunArguments(store));
            Assert.True(code == 0, output);
            Verdicts = DistributedSpecs.Verdicts(store);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    private static List<string> Verdicts(string store)
    {
        using var runs = RunStore.OpenExisting(store);
        var run = runs.Runs().Single();
        Assert.Equal(RunInfo.Finished, run.Status);
        return [.. runs.Checks(run.Id).Select(c => $"{c.ProblemId} #{c.Sample} {c.Target} round {c.Round} pass {c.Pass}: {c.Verdict}")];
    }

    private static int StoredChecks(string store, string? target = null)
    {
        using var runs = RunStore.Open(store);
        return runs.Runs().Sum(r => runs.Checks(r.Id).Count(c => target is null || c.Target == target));
    }

    // A job a worker has taken and not finished: its queue row carries the time it was fetched.
    private static long TakenJobs(TestDatabase db)
    {
        using var connection = new NpgsqlConnection(StoreLocation.ConnectionString(db.Url).ConnectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT to_regclass('proofcheck_jobs.jobqueue') IS NOT NULL", connection);
        if (exists.ExecuteScalar() is not true)
        {
            return 0;
        }

        using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM proofcheck_jobs.jobqueue WHERE fetchedat IS NOT NULL", connection);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static WorkerProcess Worker(TestDatabase db, params string[] args) => Worker(db, null, args);

    private static WorkerProcess Worker(TestDatabase db, IReadOnlyDictionary<string, string?>? env, params string[] args) =>
        new(ProofCheckCli.Start(["worker", "--store", db.Url, .. args], env));

    private static Task<string> Drain(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        return Task.WhenAll(stdout, stderr).ContinueWith(t => string.Join("\n", t.Result), TaskScheduler.Default);
    }

    private static async Task<int> ExitAsync(Process process, Task<string> output)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output;
        return process.ExitCode == 0 ? 0 : throw new Xunit.Sdk.XunitException($"exit {process.ExitCode}:\n{text}");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"Waited 3 minutes for {what}.");
            }

            await Task.Delay(100);
        }
    }

    // A PATH like this machine's, without the programs whose names start with the prefix (a machine without Coq).
    private static string PathWithout(string prefix)
    {
        var dir = Directory.CreateTempSubdirectory("proofcheck-path-").FullName;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var target = Path.Combine(dir, Path.GetFileName(file));
                if (!Path.GetFileName(file).StartsWith(prefix, StringComparison.Ordinal) && !File.Exists(target) && !Directory.Exists(target))
                {
                    File.CreateSymbolicLink(target, file);
                }
            }
        }

        return dir;
    }

    /// <summary>A worker process, killed with its checkers when the test ends.</summary>
    private sealed class WorkerProcess : IDisposable
    {
        private readonly Process process;

        public WorkerProcess(Process process)
        {
            this.process = process;
            _ = Drain(process);
        }

        public void Kill(bool entireProcessTree) => process.Kill(entireProcessTree);

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}
