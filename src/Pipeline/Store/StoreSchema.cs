using ProofCheck.Core;

namespace ProofCheck.Pipeline.Store;

/// <summary>
/// The run store's schema as one ordered list of migrations for both backends (SQLite and PostgreSQL read the same
/// DDL: TEXT and INTEGER columns, natural primary keys). The store keeps how many have been applied (SQLite's
/// <c>user_version</c>, PostgreSQL's <c>proofcheck_schema</c> table); opening a store applies the rest, each in its
/// own transaction, so an old store is upgraded in place and a store from a newer ProofCheck is refused instead of
/// being misread.
/// </summary>
internal static class StoreSchema
{
    // Column types both backends read alike: TEXT, INTEGER (32-bit in PostgreSQL) and BIGINT for what the code holds
    // as a long (tokens, milliseconds; SQLite stores both as the same 64-bit integer, so stores made before BIGINT
    // was spelled out here are unchanged). Natural keys everywhere (run, problem, sample, stage, target, round): a resumed run writes the same rows an
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
            input_tokens BIGINT NOT NULL,
            output_tokens BIGINT NOT NULL,
            finish_reason TEXT,
            ms BIGINT NOT NULL,
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
            ms BIGINT NOT NULL,
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
        // 3: the host of the process running a run. A pid says nothing about a process on another machine (a
        // coordinator elsewhere sharing a PostgreSQL store), so only a lock of this host is judged by its pid.
        """
        ALTER TABLE runs ADD COLUMN owner_host TEXT;
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    /// <summary>The SQL of migration <paramref name="index"/> (0-based), for tests that build an older store.</summary>
    internal static string Migration(int index) => Migrations[index];

    /// <summary>
    /// Applies the migrations <paramref name="backend"/>'s store lacks, each in its own transaction with the version it
    /// brings. Under the backend's schema lock the version is read again, so processes opening one store at once
    /// apply each migration once.
    /// </summary>
    public static void Migrate(StoreBackend backend)
    {
        var version = backend.Read(backend.SchemaVersion);
        if (version > CurrentVersion)
        {
            throw new UserInputException(
                $"The run store {backend.Location} has schema version {version}, newer than this ProofCheck understands ({CurrentVersion}). Use a newer ProofCheck or another --store.");
        }

        for (var v = version; v < CurrentVersion; v++)
        {
            var next = v;
            backend.Write(s =>
            {
                backend.LockSchema(s);
                if (backend.SchemaVersion(s) > next)
                {
                    return;
                }

                s.Execute(Migrations[next]);
                backend.SetSchemaVersion(s, next + 1);
            });
        }
    }
}
