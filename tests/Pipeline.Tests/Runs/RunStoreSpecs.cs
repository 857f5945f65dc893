using Microsoft.Data.Sqlite;
using ProofCheck.Core;
using ProofCheck.Pipeline.Runs;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Pipeline.Tests.Runs;

public sealed class RunStoreSpecs : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "proofcheck-store-" + Guid.NewGuid().ToString("N"));

    public RunStoreSpecs() => Directory.CreateDirectory(folder);

    private string DbPath => Path.Combine(folder, "nested", "runs.db");

    [Fact]
    public void A_new_store_is_created_with_the_current_schema_and_keeps_runs_across_reopening()
    {
        string id;
        using (var store = RunStore.Open(DbPath))
        {
            id = CreateRun(store).Id;
        }

        using var reopened = RunStore.Open(DbPath);
        var run = reopened.GetRun(id);
        Assert.Equal(["gauss-sum"], run.Config.Problems);
        Assert.Equal(RunInfo.Running, run.Status);
        Assert.Equal(StoreSchema.CurrentVersion, UserVersion());
    }

    [Fact]
    public void A_store_from_a_newer_ProofCheck_is_refused_with_a_clear_message()
    {
        RunStore.Open(DbPath).Dispose();
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99;";
            cmd.ExecuteNonQuery();
        }

        var e = Assert.Throws<UserInputException>(() => RunStore.Open(DbPath));
        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_cannot_be_stored_twice_and_a_failed_write_leaves_nothing_behind()
    {
        using var store = RunStore.Open(DbPath);
        var run = CreateRun(store);
        var key = new AttemptKey("gauss-sum", 0, Stages.Formalize, string.Empty, 0);
        var artifact = new ArtifactRecord("gauss-sum", 0, "smt", 0, "(check-sat)\n", true);
        store.RecordAttempt(run.Id, new AttemptRecord(key, "prompt", "answer"), [artifact]);

        // The second write repeats the attempt and adds a new artifact: it must fail as a whole.
        var again = new ArtifactRecord("gauss-sum", 0, "coq", 0, "Qed.\n", true);
        Assert.Throws<SqliteException>(() => store.RecordAttempt(run.Id, new AttemptRecord(key, "prompt", "other answer"), [again]));

        Assert.Equal("answer", Assert.Single(store.Attempts(run.Id)).Response);
        Assert.Equal("smt", Assert.Single(store.Artifacts(run.Id)).Target);
    }

    [Fact]
    public void A_store_of_schema_1_is_upgraded_in_place_and_its_old_rows_read_as_complete_answers_of_an_interrupted_run()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = StoreSchema.Migration(0) + """
                PRAGMA user_version = 1;
                INSERT INTO runs (id, created_at, status, model, config_json) VALUES ('old', '2025-01-01T00:00:00.000Z', 'running', 'replay:x.jsonl', '{"model":"replay:x.jsonl","problems":["gauss-sum"],"maxTokens":2048}');
                INSERT INTO attempts VALUES ('old', 'gauss-sum', 0, 'prove', '', 0, 'p', 'a proof', NULL, 1, 2, 'stop', 3, '2025-01-01T00:00:00.000Z');
                """;
            cmd.ExecuteNonQuery();
        }

        using var store = RunStore.Open(DbPath);
        Assert.Equal(StoreSchema.CurrentVersion, UserVersion());
        var run = store.GetRun("old");
        // Its process is long gone and never said who it was: not "running".
        Assert.Equal(RunInfo.Interrupted, run.Status);
        Assert.Equal(2048, run.Config.MaxTokens);
        Assert.Null(run.Config.Template);
        var attempt = Assert.Single(store.Attempts("old"));
        Assert.Equal(AnswerStatus.Complete, attempt.Answer);
        Assert.Null(attempt.Model);
        Assert.Null(attempt.Sampling);
    }

    [Fact]
    public void An_attempt_keeps_the_model_sampling_settings_and_answer_status_it_was_stored_with()
    {
        using var store = RunStore.Open(DbPath);
        var run = CreateRun(store);
        var key = new AttemptKey("gauss-sum", 0, Stages.Prove, string.Empty, 0);
        store.RecordAttempt(run.Id, new AttemptRecord(key, "prompt", string.Empty)
        {
            Model = "openai:qwq", Sampling = new SamplingSettings(16384, 0.6f, 0.95f, 42), Answer = AnswerStatus.Truncated, FinishReason = "length",
        }, []);

        var back = Assert.Single(store.Attempts(run.Id));
        Assert.Equal("openai:qwq", back.Model);
        Assert.Equal(new SamplingSettings(16384, 0.6f, 0.95f, 42), back.Sampling);
        Assert.Equal(AnswerStatus.Truncated, back.Answer);
    }

    [Fact]
    public void An_unknown_run_id_names_the_latest_runs()
    {
        using var store = RunStore.Open(DbPath);
        var run = CreateRun(store);
        var e = Assert.Throws<UserInputException>(() => store.GetRun("nope"));
        Assert.Contains(run.Id, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_on_a_missing_store_is_a_user_error_not_a_new_empty_file()
    {
        Assert.Throws<UserInputException>(() => RunStore.OpenExisting(Path.Combine(folder, "missing.db")));
        Assert.False(File.Exists(Path.Combine(folder, "missing.db")));
    }

    [Fact]
    public void A_check_report_round_trips_through_the_store_with_its_verdict_counterexample_and_audit()
    {
        using var store = RunStore.Open(DbPath);
        var run = CreateRun(store);
        var report = new CheckReport("z3", [new ObligationResult("step 1", Verdict.Refuted) { Counterexample = "n = 1" }])
        {
            CheckerVersion = "4.8.12",
            Audit = new AuditReport(["no-exit"], [new AuditFinding("no-exit", "(exit)", new SourceSpan(3, 1), "ends the solver early")]),
        };
        store.RecordCheck(run.Id, new CheckRecord("gauss-sum", 0, "smt", 0, 0, report) { Ms = 12 });

        var back = Assert.Single(store.Checks(run.Id));
        Assert.Equal(Verdict.Refuted, back.Verdict);
        Assert.Equal("n = 1", back.Report.Obligations.Single().Counterexample);
        Assert.Equal("ends the solver early", back.Report.Audit!.Findings.Single().Reason);
        Assert.Equal("4.8.12", back.Report.CheckerVersion);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static RunInfo CreateRun(RunStore store)
    {
        var config = new RunConfig { Model = "replay:x.jsonl", Problems = ["gauss-sum"], Targets = ["smt"] };
        var run = new RunInfo(RunStore.NewRunId(DateTimeOffset.UtcNow), DateTimeOffset.UtcNow, RunInfo.Running, config.Model, config);
        store.CreateRun(run, [("gauss-sum", "{}")]);
        return run;
    }

    private long UserVersion()
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version;";
        return (long)cmd.ExecuteScalar()!;
    }
}
