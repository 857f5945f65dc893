using Microsoft.Data.Sqlite;
using ProofCheck.Core;

namespace ProofCheck.Pipeline.Store;

/// <summary>
/// The run store's schema as an ordered list of migrations. The database's <c>user_version</c> says how many have
/// been applied; opening a store applies the rest, each in its own transaction, so an old store is upgraded in place
/// and a store from a newer ProofCheck is refused instead of being misread.
/// </summary>
internal static class StoreSchema
{
    // Natural keys everywhere (run, problem, sample, stage, target, round): a resumed run writes the same rows an
    // uninterrupted one would, whatever order its workers finish in.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            model TEXT NOT NULL,
            config_json TEXT NOT NULL,
            checker_versions_json TEXT NOT NULL DEFAULT '{}',
            git_revision TEXT,
            proofcheck_version TEXT
        );
        CREATE TABLE run_problems (
            run_id TEXT NOT NULL REFERENCES runs(id),
            ordinal INTEGER NOT NULL,
            problem_id TEXT NOT NULL,
            problem_json TEXT NOT NULL,
            PRIMARY KEY (run_id, problem_id)
        );
        CREATE TABLE samples (
            run_id TEXT NOT NULL REFERENCES runs(id),
            problem_id TEXT NOT NULL,
            sample INTEGER NOT NULL,
            finished_at TEXT NOT NULL,
            PRIMARY KEY (run_id, problem_id, sample)
        );
        CREATE TABLE attempts (
            run_id TEXT NOT NULL REFERENCES runs(id),
            problem_id TEXT NOT NULL,
            sample INTEGER NOT NULL,
            stage TEXT NOT NULL,
            target TEXT NOT NULL,
            round INTEGER NOT NULL,
            prompt TEXT NOT NULL,
            response TEXT NOT NULL,
            reasoning TEXT,
            input_tokens INTEGER NOT NULL,
            output_tokens INTEGER NOT NULL,
            finish_reason TEXT,
            ms INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (run_id, problem_id, sample, stage, target, round)
        );
        CREATE TABLE artifacts (
            run_id TEXT NOT NULL REFERENCES runs(id),
            problem_id TEXT NOT NULL,
            sample INTEGER NOT NULL,
            target TEXT NOT NULL,
            round INTEGER NOT NULL,
            content TEXT NOT NULL,
            has_code INTEGER NOT NULL,
            PRIMARY KEY (run_id, problem_id, sample, target, round)
        );
        CREATE TABLE checks (
            run_id TEXT NOT NULL REFERENCES runs(id),
            problem_id TEXT NOT NULL,
            sample INTEGER NOT NULL,
            target TEXT NOT NULL,
            round INTEGER NOT NULL,
            pass INTEGER NOT NULL,
            checker TEXT NOT NULL,
            checker_version TEXT,
            verdict TEXT NOT NULL,
            verdict_text TEXT NOT NULL,
            report_json TEXT NOT NULL,
            audit_json TEXT,
            ms INTEGER NOT NULL,
            checked_at TEXT NOT NULL,
            PRIMARY KEY (run_id, problem_id, sample, target, round, pass)
        );
        """,
        // 2: who is running a run (a lock a second process respects, and "interrupted" for a run whose process died),
        // and per attempt the model and sampling settings that produced it and whether the answer was complete.
        """
        ALTER TABLE runs ADD COLUMN owner_pid INTEGER;
        ALTER TABLE runs ADD COLUMN owner_started TEXT;
        ALTER TABLE attempts ADD COLUMN model TEXT;
        ALTER TABLE attempts ADD COLUMN sampling_json TEXT;
        ALTER TABLE attempts ADD COLUMN answer TEXT NOT NULL DEFAULT 'complete';
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    /// <summary>The SQL of migration <paramref name="index"/> (0-based), for tests that build an older store.</summary>
    internal static string Migration(int index) => Migrations[index];

    /// <summary>The schema version of an open store.</summary>
    public static int Version(SqliteConnection connection) =>
        Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);

    public static void Migrate(SqliteConnection connection, string path)
    {
        var version = Version(connection);
        if (version > CurrentVersion)
        {
            throw new UserInputException(
                $"The run store {path} has schema version {version}, newer than this ProofCheck understands ({CurrentVersion}). Use a newer ProofCheck or another --store.");
        }

        for (var v = version; v < CurrentVersion; v++)
        {
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Migrations[v] + $"\nPRAGMA user_version = {v + 1};";
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
