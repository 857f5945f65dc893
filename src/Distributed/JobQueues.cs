using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using ProofCheck.Core;
using ProofCheck.Execution;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Distributed;

/// <summary>
/// The job queues of a distributed run: Hangfire's tables in the run store's own PostgreSQL database (schema
/// <c>proofcheck_jobs</c>), one queue per checker (<c>smt</c>, <c>coq</c>, <c>lean</c>) so a worker takes only the
/// checks its machine can run. No <c>model</c> queue: see <see cref="NoModelQueue"/>.
/// </summary>
public static class JobQueues
{
    public const string Schema = "proofcheck_jobs";

    // A key of our own for pg_advisory_lock (released when the guarding connection closes).
    private const long InstallLock = 0x50434a6f6273;

    /// <summary>The queues there are, and the programs a machine needs to serve each.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Requirements = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["smt"] = ["z3", "cvc5"],
        ["coq"] = ["coqc"],
        ["lean"] = ["lean", "lake"],
    };

    /// <summary>The Hangfire storage of <paramref name="store"/> (a <c>postgres://</c> URL); its tables are made on first use.</summary>
    public static PostgreSqlStorage Storage(string store)
    {
        if (!StoreLocation.IsPostgres(store))
        {
            throw new UserInputException(
                $"Distributed runs share their store and job queues between machines, so they need a PostgreSQL store: --store postgres://USER@HOST:PORT/DB (not {store}).");
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            // Checks take milliseconds to minutes: a worker asks for work often, and is told at once by NOTIFY.
            QueuePollInterval = TimeSpan.FromMilliseconds(250),
            EnableLongPolling = true,
            // A job whose worker died (kill -9, machine lost) is handed to another worker after this long; a living
            // worker keeps pushing it forward, so a long check is never taken twice while it runs.
            InvisibilityTimeout = InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
            // A worker killed while changing a job's state leaves that job's lock row behind; Hangfire's default
            // (10 minutes) would hold the job that long. State changes take milliseconds.
            DistributedLockTimeout = TimeSpan.FromSeconds(20),
            StartupConnectionMaxRetries = 10,
        };
        var connection = StoreLocation.ConnectionString(store);
        connection.ApplicationName = "proofcheck-jobs";
        // Hangfire installs its tables when its storage is made; a coordinator and workers starting together would
        // install them at once and break each other (seen here), so one process at a time, under a lock of our own.
        // Unpooled, and unlocked explicitly: a pooled connection would keep its session, and the lock, after Dispose.
        using var guard = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            guard.Open();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // dashboard and worker reach the database here first: the store's own words, not an internal error.
            throw StoreLocation.Unreachable(store, e);
        }

        using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({InstallLock})", guard))
        {
            lockCommand.CommandTimeout = 0;
            lockCommand.ExecuteNonQuery();
        }

        try
        {
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection.ConnectionString, options), options);
        }
        finally
        {
            using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({InstallLock})", guard);
            unlock.ExecuteNonQuery();
        }
    }

    /// <summary>How long a job taken by a worker that then died stays invisible to the others.</summary>
    public static TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The programs this machine lacks to serve <paramref name="queue"/> (none: it can serve it).</summary>
    public static IReadOnlyList<string> Missing(string queue) =>
        [.. Requirements[queue].Where(p => ExecutableResolver.Resolve(p) is null)];

    /// <summary>Why there is no <c>model</c> queue (src/Distributed/README.md has the measurements behind it).</summary>
    public const string NoModelQueue =
        "There is no model queue: the model steps (prove, formalize, repair) stay with the coordinator ('run --distributed'), which sends them to " +
        "the model's own HTTP server (vLLM, llama-server); that server scales on its own, behind one URL. Workers only check.";

    /// <summary>The queues named by a comma-separated list; an unknown name is a user error listing the known ones.</summary>
    public static IReadOnlyList<string> Parse(string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (names.Contains("model", StringComparer.OrdinalIgnoreCase))
        {
            throw new UserInputException($"--targets {list}: {NoModelQueue} The queues are {string.Join(", ", Requirements.Keys)}.");
        }

        if (names.Count == 0 || names.Any(n => !Requirements.ContainsKey(n)))
        {
            throw new UserInputException($"--targets {list}: the queues are {string.Join(", ", Requirements.Keys)}.");
        }

        return names;
    }
}
