using Npgsql;
using ProofCheck.Core;
using ProofCheck.Pipeline.Reports;
using ProofCheck.Pipeline.Runs;
using ProofCheck.Pipeline.Store;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>
/// The run store on a real PostgreSQL server behaves as on SQLite: the same loop stores the same rows, the schema
/// is versioned the same way, and runs move between the two without losing a byte.
/// </summary>
public sealed class PostgresStoreSpecs
{
    [RequiresPostgresFact]
    public async Task The_same_loop_stores_the_same_rows_on_PostgreSQL_as_on_SQLite()
    {
        using var db = PostgresServer.CreateDatabase();
        await using var onSqlite = new RunHarness();
        await using var onPostgres = new RunHarness(db.Url);
        var sqliteRun = await onSqlite.RunAsync(new ScriptedChatClient(SmtAnswers.NlProof, SmtAnswers.FalseStep, SmtAnswers.TrueStep), RunHarness.Config("gauss-sum", "smt"));
        var postgresRun = await onPostgres.RunAsync(new ScriptedChatClient(SmtAnswers.NlProof, SmtAnswers.FalseStep, SmtAnswers.TrueStep), RunHarness.Config("gauss-sum", "smt"));

        Assert.Equal(RunInfo.Finished, postgresRun.Status);
        Assert.Equal(Rows(onSqlite.Store, sqliteRun.Id), Rows(onPostgres.Store, postgresRun.Id));
        var verdicts = onPostgres.Store.Checks(postgresRun.Id).Select(c => c.Verdict).ToList();
        Assert.Equal([Verdict.Refuted, Verdict.Verified], verdicts);
        Assert.Equal(Verdict.Verified, RunSummary.Build(onPostgres.Store, postgresRun).Single().Targets.Single().Verdict);
    }

    [RequiresPostgresFact]
    public void Runs_copied_from_SQLite_to_PostgreSQL_and_back_export_byte_for_byte_the_same()
    {
        using var db = PostgresServer.CreateDatabase();
        var folder = Directory.CreateTempSubdirectory("proofcheck-copy-").FullName;
        try
        {
            string id;
            using (var first = RunStore.Open(Path.Combine(folder, "a.db")))
            {
                id = StoreFixture.FullRun(first);
                using (var shared = RunStore.Open(db.Url))
                {
                    Assert.True(first.CopyRunTo(shared, id));
                    Assert.False(first.CopyRunTo(shared, id));
                    using var back = RunStore.Open(Path.Combine(folder, "b.db"));
                    Assert.True(shared.CopyRunTo(back, id));
                    Assert.Equal(Export(first, id), Export(shared, id));
                    Assert.Equal(Export(first, id), Export(back, id));
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [RequiresPostgresFact]
    public void A_PostgreSQL_store_from_a_newer_ProofCheck_is_refused_and_an_empty_database_gets_the_current_schema()
    {
        using var db = PostgresServer.CreateDatabase();
        RunStore.Open(db.Url).Dispose();
        Assert.Equal(StoreSchema.CurrentVersion, Version(db.Url));

        Execute(db.Url, "UPDATE proofcheck_schema SET version = 99");
        var e = Assert.Throws<UserInputException>(() => RunStore.Open(db.Url));
        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
    }

    [RequiresPostgresFact]
    public void Processes_opening_one_new_database_at_once_apply_each_migration_once()
    {
        using var db = PostgresServer.CreateDatabase();
        Parallel.For(0, 6, _ => RunStore.Open(db.Url).Dispose());
        Assert.Equal(StoreSchema.CurrentVersion, Version(db.Url));
    }

    [RequiresPostgresFact]
    public void A_check_stored_twice_keeps_the_first_result()
    {
        using var db = PostgresServer.CreateDatabase();
        using var store = RunStore.Open(db.Url);
        var id = StoreFixture.FullRun(store);
        var again = new CheckRecord("gauss-sum", 0, "smt", 0, 0, CheckReports.Whole("smt", null, Verdict.Failed, "a different result", "test"));
        store.RecordCheck(id, again);
        Assert.Equal(Verdict.Refuted, Assert.Single(store.Checks(id)).Verdict);
    }

    [Fact]
    public void A_malformed_or_unreachable_PostgreSQL_store_is_a_clear_error()
    {
        var noDatabase = Assert.Throws<UserInputException>(() => RunStore.Open("postgres://someone@127.0.0.1:1/"));
        Assert.Contains("names no database", noDatabase.Message, StringComparison.Ordinal);
        var unreachable = Assert.Throws<UserInputException>(() => RunStore.Open("postgres://someone:secret@127.0.0.1:1/runs"));
        Assert.Contains("Cannot reach the PostgreSQL run store postgres://someone@127.0.0.1:1/runs", unreachable.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", unreachable.Message, StringComparison.Ordinal);
    }

    private static List<string> Rows(RunStore store, string runId) =>
    [
        .. store.Attempts(runId).Select(a => $"attempt {a.Key} {a.Prompt} {a.Response} {a.Answer}"),
        .. store.Artifacts(runId).Select(a => $"artifact {a}"),
        .. store.Checks(runId).Select(c => $"check {c.ProblemId} {c.Sample} {c.Target} {c.Round} {c.Pass} {c.Verdict} {c.Report.VerdictText}"),
    ];

    private static string Export(RunStore store, string runId)
    {
        using var writer = new StringWriter();
        RunExport.WriteAsync(writer, store, runId).GetAwaiter().GetResult();
        return writer.ToString();
    }

    private static int Version(string url)
    {
        using var connection = new NpgsqlConnection(StoreLocation.ConnectionString(url).ConnectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand("SELECT version FROM proofcheck_schema", connection);
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(string url, string sql)
    {
        using var connection = new NpgsqlConnection(StoreLocation.ConnectionString(url).ConnectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }
}

/// <summary>A stored run with a row in every table and every column that can be null filled in.</summary>
internal static class StoreFixture
{
    public static string FullRun(RunStore store)
    {
        var config = new RunConfig { Model = "replay:x.jsonl", Problems = ["gauss-sum"], Targets = ["smt"], Temperature = 0.6f, Seed = 7 };
        var run = new RunInfo(RunStore.NewRunId(DateTimeOffset.UtcNow), DateTimeOffset.UtcNow, RunInfo.Running, config.Model, config) { GitRevision = "abc", ProofCheckVersion = "1.0" };
        store.CreateRun(run, [("gauss-sum", "{\"id\":\"gauss-sum\",\"title\":\"Σ ünïcode\"}")]);
        var key = new AttemptKey("gauss-sum", 0, Stages.Formalize, string.Empty, 0);
        store.RecordAttempt(run.Id, new AttemptRecord(key, "prompt ∀n", "answer\n```smt2\n(check-sat)\n```")
        {
            Reasoning = "<think>hm</think>", InputTokens = 12, OutputTokens = 3_000_000_000, FinishReason = "stop", Ms = 1234,
            Model = "replay:x.jsonl", Sampling = new SamplingSettings(2048, 0.6f, 0.9f, 7),
        }, [new ArtifactRecord("gauss-sum", 0, "smt", 0, "(check-sat)\n", true)]);
        var report = new CheckReport("smt", [new ObligationResult("step 1", Verdict.Refuted) { Counterexample = "n = 1" }])
        {
            CheckerVersion = "4.8.12",
            Audit = new AuditReport(["no-exit"], [new AuditFinding("no-exit", "(exit)", new SourceSpan(3, 1), "ends the solver early")]),
        };
        store.RecordCheck(run.Id, new CheckRecord("gauss-sum", 0, "smt", 0, 0, report) { Ms = 5 });
        store.AddCheckerVersions(run.Id, new Dictionary<string, string> { ["smt"] = "4.8.12" });
        store.MarkSampleDone(run.Id, "gauss-sum", 0);
        store.SetStatus(run.Id, RunInfo.Finished, DateTimeOffset.UtcNow);
        return run.Id;
    }
}
