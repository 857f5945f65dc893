using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using ProofCheck.Core;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Runs;
using ProofCheck.Pipeline.Store;
using ProofCheck.Smt;

namespace ProofCheck.TestSupport;

/// <summary>A run against the seed problem set in a fresh store of its own, with the real checkers this build has.</summary>
public sealed class RunHarness : IAsyncDisposable
{
    private static readonly Lazy<ProblemSet> Set = new(() => ProblemSet.Load(RepoPaths.Problems));
    private readonly string folder = Path.Combine(Path.GetTempPath(), "proofcheck-runs-" + Guid.NewGuid().ToString("N"));
    private readonly SmtChecker smt = new();

    /// <param name="store">The store to run in (a <c>postgres://</c> URL, say); a fresh SQLite file when null.</param>
    public RunHarness(string? store = null)
    {
        Directory.CreateDirectory(folder);
        Store = RunStore.Open(store ?? StorePath);
    }

    public string Folder => folder;

    public string StorePath => Path.Combine(folder, "runs.db");

    public RunStore Store { get; }

    public static Problem Problem(string id) => Set.Value.Get(id);

    public IReadOnlyDictionary<string, IProofChecker> Checkers => new Dictionary<string, IProofChecker> { ["smt"] = smt, ["coq"] = new Coq.CoqChecker() };

    public RunInfo Create(RunConfig config) =>
        RunEngine.Create(Store, config, [.. config.Problems.Select(Problem)]);

    public async Task<RunInfo> RunAsync(IChatClient model, RunConfig config, int workers = 1)
    {
        var run = Create(config);
        await new RunEngine(Store, model, Checkers).ExecuteAsync(run, workers, CancellationToken.None);
        return Store.GetRun(run.Id);
    }

    public static RunConfig Config(string problem, params string[] targets) => new()
    {
        Model = "scripted",
        Problems = [problem],
        Targets = targets,
        Rounds = 1,
        ProblemsDirectory = RepoPaths.Problems,
    };

    /// <summary>
    /// Waits until a CLI process writing to this store has stored at least <paramref name="count"/> attempts, has
    /// ended, or two minutes have passed (counted through a connection of its own, as another process would see it).
    /// </summary>
    public async Task WaitForStoredAttemptsAsync(Process process, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (StoredAttempts() < count && !process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        await smt.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A solver that is still exiting may hold the folder a moment longer; the temp folder is cleaned later.
        }
    }
    private long StoredAttempts()
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM attempts";
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            // The CLI holds the store for a write or has not made its tables yet: nothing to count this time.
            return 0;
        }
    }
}
