using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProofCheck.Core;
using ProofCheck.Pipeline.Runs;

namespace ProofCheck.Pipeline.Store;

/// <summary>
/// Everything a run produces, in one SQLite file. Every write is one transaction, so a process killed at any
/// moment leaves either the whole state change or none of it; rows are keyed by what they are (problem, sample,
/// stage, target, round), so a resumed run can ask "is this step done?" and never writes a step twice.
/// Safe to share between the workers of one run.
/// </summary>
public sealed class RunStore : IDisposable
{
    public const string DefaultPath = ".proofcheck/runs.db";

    private readonly SqliteConnection connection;
    private readonly Lock gate = new();

    private RunStore(SqliteConnection connection, string path)
    {
        this.connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens (creating when needed) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    public static RunStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
            StoreSchema.Migrate(connection, full);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new UserInputException($"Cannot open the run store {full}: {e.Message}", e);
        }

        return new RunStore(connection, full);
    }

    /// <summary>Opens an existing store; a missing file is a clear user error, not a fresh empty store.</summary>
    public static RunStore OpenExisting(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"There is no run store at {System.IO.Path.GetFullPath(path)}. Start a run with 'proofcheck run', or pass --store PATH.");
        }

        return Open(path);
    }

    public static string NewRunId(DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2))}";

    public void CreateRun(RunInfo run, IEnumerable<(string ProblemId, string ProblemJson)> problems) => Write(tx =>
    {
        Command(tx, """
            INSERT INTO runs (id, created_at, status, model, config_json, checker_versions_json, git_revision, proofcheck_version)
            VALUES ($id, $created, $status, $model, $config, $versions, $git, $version)
            """,
            ("$id", run.Id), ("$created", Stamp(run.CreatedAt)), ("$status", run.Status), ("$model", run.Model),
            ("$config", JsonSerializer.Serialize(run.Config, ReportJson.Options)),
            ("$versions", JsonSerializer.Serialize(run.CheckerVersions, ReportJson.Options)),
            ("$git", run.GitRevision), ("$version", run.ProofCheckVersion)).ExecuteNonQuery();
        var ordinal = 0;
        foreach (var (id, json) in problems)
        {
            Command(tx, "INSERT INTO run_problems (run_id, ordinal, problem_id, problem_json) VALUES ($run, $ord, $pid, $json)",
                ("$run", run.Id), ("$ord", ordinal++), ("$pid", id), ("$json", json)).ExecuteNonQuery();
        }
    });

    public void SetStatus(string runId, string status, DateTimeOffset? finishedAt = null) => Write(tx =>
        Command(tx, "UPDATE runs SET status = $status, finished_at = $fin WHERE id = $id",
            ("$status", status), ("$fin", finishedAt is null ? null : Stamp(finishedAt.Value)), ("$id", runId)).ExecuteNonQuery());

    /// <summary>Records the checker versions met so far (merged with those already stored).</summary>
    public void AddCheckerVersions(string runId, IReadOnlyDictionary<string, string> versions) => Write(tx =>
    {
        var current = Command(tx, "SELECT checker_versions_json FROM runs WHERE id = $id", ("$id", runId)).ExecuteScalar() as string ?? "{}";
        var merged = JsonSerializer.Deserialize<SortedDictionary<string, string>>(current, ReportJson.Options) ?? [];
        foreach (var (k, v) in versions)
        {
            merged[k] = v;
        }

        Command(tx, "UPDATE runs SET checker_versions_json = $v WHERE id = $id",
            ("$v", JsonSerializer.Serialize(merged, ReportJson.Options)), ("$id", runId)).ExecuteNonQuery();
    });

    public RunInfo? FindRun(string runId) => Read(() =>
    {
        using var cmd = Command(null, "SELECT id, created_at, finished_at, status, model, config_json, checker_versions_json, git_revision, proofcheck_version FROM runs WHERE id = $id", ("$id", runId));
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadRun(r) : null;
    });

    /// <summary>The run with this id; an unknown id is a user error listing the latest runs.</summary>
    public RunInfo GetRun(string runId)
    {
        if (FindRun(runId) is { } run)
        {
            return run;
        }

        var recent = Runs().Take(5).Select(r => r.Id).ToList();
        throw new UserInputException(recent.Count == 0
            ? $"No run '{runId}' in {Path}: the store holds no runs."
            : $"No run '{runId}' in {Path}. Latest runs: {string.Join(", ", recent)}.");
    }

    /// <summary>Every run, newest first.</summary>
    public IReadOnlyList<RunInfo> Runs() => Read(() =>
    {
        using var cmd = Command(null, "SELECT id, created_at, finished_at, status, model, config_json, checker_versions_json, git_revision, proofcheck_version FROM runs ORDER BY created_at DESC, id DESC");
        using var r = cmd.ExecuteReader();
        var list = new List<RunInfo>();
        while (r.Read())
        {
            list.Add(ReadRun(r));
        }

        return list;
    });

    /// <summary>The problems of a run, in run order, as the JSON snapshot taken when it started.</summary>
    public IReadOnlyList<(string ProblemId, string ProblemJson)> RunProblems(string runId) => Read(() =>
    {
        using var cmd = Command(null, "SELECT problem_id, problem_json FROM run_problems WHERE run_id = $run ORDER BY ordinal", ("$run", runId));
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetString(1)));
        }

        return list;
    });

    /// <summary>Stores one model exchange and the artifacts extracted from it, together or not at all.</summary>
    public void RecordAttempt(string runId, AttemptRecord attempt, IEnumerable<ArtifactRecord> artifacts) => Write(tx =>
    {
        var k = attempt.Key;
        Command(tx, """
            INSERT INTO attempts (run_id, problem_id, sample, stage, target, round, prompt, response, reasoning, input_tokens, output_tokens, finish_reason, ms, created_at)
            VALUES ($run, $pid, $sample, $stage, $target, $round, $prompt, $response, $reasoning, $in, $out, $finish, $ms, $at)
            """,
            ("$run", runId), ("$pid", k.ProblemId), ("$sample", k.Sample), ("$stage", k.Stage), ("$target", k.Target), ("$round", k.Round),
            ("$prompt", attempt.Prompt), ("$response", attempt.Response), ("$reasoning", attempt.Reasoning),
            ("$in", attempt.InputTokens), ("$out", attempt.OutputTokens), ("$finish", attempt.FinishReason), ("$ms", attempt.Ms),
            ("$at", Stamp(DateTimeOffset.UtcNow))).ExecuteNonQuery();
        foreach (var a in artifacts)
        {
            Command(tx, """
                INSERT INTO artifacts (run_id, problem_id, sample, target, round, content, has_code)
                VALUES ($run, $pid, $sample, $target, $round, $content, $has)
                """,
                ("$run", runId), ("$pid", a.ProblemId), ("$sample", a.Sample), ("$target", a.Target), ("$round", a.Round),
                ("$content", a.Content), ("$has", a.HasCode ? 1 : 0)).ExecuteNonQuery();
        }
    });

    public void RecordCheck(string runId, CheckRecord check) => Write(tx =>
        Command(tx, """
            INSERT INTO checks (run_id, problem_id, sample, target, round, pass, checker, checker_version, verdict, verdict_text, report_json, audit_json, ms, checked_at)
            VALUES ($run, $pid, $sample, $target, $round, $pass, $checker, $version, $verdict, $text, $report, $audit, $ms, $at)
            """,
            ("$run", runId), ("$pid", check.ProblemId), ("$sample", check.Sample), ("$target", check.Target), ("$round", check.Round),
            ("$pass", check.Pass), ("$checker", check.Report.Checker), ("$version", check.Report.CheckerVersion),
            ("$verdict", check.Report.Verdict.ToString()), ("$text", check.Report.VerdictText),
            ("$report", JsonSerializer.Serialize(check.Report, ReportJson.Options)),
            ("$audit", check.Report.Audit is null ? null : JsonSerializer.Serialize(check.Report.Audit, ReportJson.Options)),
            ("$ms", check.Ms), ("$at", Stamp(DateTimeOffset.UtcNow))).ExecuteNonQuery());

    public void MarkSampleDone(string runId, string problemId, int sample) => Write(tx =>
        Command(tx, "INSERT INTO samples (run_id, problem_id, sample, finished_at) VALUES ($run, $pid, $sample, $at)",
            ("$run", runId), ("$pid", problemId), ("$sample", sample), ("$at", Stamp(DateTimeOffset.UtcNow))).ExecuteNonQuery());

    public bool IsSampleDone(string runId, string problemId, int sample) => Read(() =>
        Command(null, "SELECT 1 FROM samples WHERE run_id = $run AND problem_id = $pid AND sample = $sample",
            ("$run", runId), ("$pid", problemId), ("$sample", sample)).ExecuteScalar() is not null);

    public AttemptRecord? FindAttempt(string runId, AttemptKey key) =>
        QueryAttempts(runId, "AND problem_id = $pid AND sample = $sample AND stage = $stage AND target = $target AND round = $round",
            ("$pid", key.ProblemId), ("$sample", key.Sample), ("$stage", key.Stage), ("$target", key.Target), ("$round", key.Round)).FirstOrDefault();

    /// <summary>Every attempt of a run (or of one problem), in loop order.</summary>
    public IReadOnlyList<AttemptRecord> Attempts(string runId, string? problemId = null) => problemId is null
        ? QueryAttempts(runId, string.Empty)
        : QueryAttempts(runId, "AND problem_id = $pid", ("$pid", problemId));

    public IReadOnlyList<ArtifactRecord> Artifacts(string runId, string? problemId = null) => Read(() =>
    {
        using var cmd = Command(null,
            "SELECT problem_id, sample, target, round, content, has_code FROM artifacts WHERE run_id = $run" +
            (problemId is null ? string.Empty : " AND problem_id = $pid") + " ORDER BY problem_id, sample, target, round",
            ("$run", runId), ("$pid", problemId));
        using var r = cmd.ExecuteReader();
        var list = new List<ArtifactRecord>();
        while (r.Read())
        {
            list.Add(new ArtifactRecord(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetInt32(5) != 0));
        }

        return list;
    });

    public ArtifactRecord? FindArtifact(string runId, string problemId, int sample, string target, int round) =>
        Artifacts(runId, problemId).FirstOrDefault(a => a.Sample == sample && a.Target == target && a.Round == round);

    /// <summary>Every check of a run (or of one problem); <paramref name="pass"/> null means all passes.</summary>
    public IReadOnlyList<CheckRecord> Checks(string runId, string? problemId = null, int? pass = null) => Read(() =>
    {
        using var cmd = Command(null,
            "SELECT problem_id, sample, target, round, pass, report_json, ms FROM checks WHERE run_id = $run" +
            (problemId is null ? string.Empty : " AND problem_id = $pid") +
            (pass is null ? string.Empty : " AND pass = $pass") + " ORDER BY problem_id, sample, target, round, pass",
            ("$run", runId), ("$pid", problemId), ("$pass", pass));
        using var r = cmd.ExecuteReader();
        var list = new List<CheckRecord>();
        while (r.Read())
        {
            var report = JsonSerializer.Deserialize<CheckReport>(r.GetString(5), ReportJson.Options)
                ?? throw new InvalidDataException("A stored check report is empty.");
            list.Add(new CheckRecord(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), report) { Ms = r.GetInt64(6) });
        }

        return list;
    });

    public CheckRecord? FindCheck(string runId, string problemId, int sample, string target, int round, int pass = 0) =>
        Checks(runId, problemId, pass).FirstOrDefault(c => c.Sample == sample && c.Target == target && c.Round == round);

    /// <summary>The highest check pass of a run (0 when it was never rechecked).</summary>
    public int LastPass(string runId) => Read(() =>
        Convert.ToInt32(Command(null, "SELECT COALESCE(MAX(pass), 0) FROM checks WHERE run_id = $run", ("$run", runId)).ExecuteScalar(), CultureInfo.InvariantCulture));

    public void Dispose()
    {
        lock (gate)
        {
            connection.Dispose();
        }
    }

    private IReadOnlyList<AttemptRecord> QueryAttempts(string runId, string filter, params (string, object?)[] parameters) => Read(() =>
    {
        using var cmd = Command(null,
            "SELECT problem_id, sample, stage, target, round, prompt, response, reasoning, input_tokens, output_tokens, finish_reason, ms FROM attempts WHERE run_id = $run " + filter +
            " ORDER BY problem_id, sample, CASE stage WHEN 'prove' THEN 0 WHEN 'formalize' THEN 1 ELSE 2 END, target, round",
            [("$run", runId), .. parameters]);
        using var r = cmd.ExecuteReader();
        var list = new List<AttemptRecord>();
        while (r.Read())
        {
            var key = new AttemptKey(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetInt32(4));
            list.Add(new AttemptRecord(key, r.GetString(5), r.GetString(6))
            {
                Reasoning = r.IsDBNull(7) ? null : r.GetString(7),
                InputTokens = r.GetInt64(8),
                OutputTokens = r.GetInt64(9),
                FinishReason = r.IsDBNull(10) ? null : r.GetString(10),
                Ms = r.GetInt64(11),
            });
        }

        return list;
    });

    private static RunInfo ReadRun(SqliteDataReader r) =>
        new(r.GetString(0), ParseStamp(r.GetString(1)), r.GetString(3), r.GetString(4),
            JsonSerializer.Deserialize<RunConfig>(r.GetString(5), ReportJson.Options) ?? throw new InvalidDataException("A stored run configuration is empty."))
        {
            FinishedAt = r.IsDBNull(2) ? null : ParseStamp(r.GetString(2)),
            CheckerVersions = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(6), ReportJson.Options) ?? [],
            GitRevision = r.IsDBNull(7) ? null : r.GetString(7),
            ProofCheckVersion = r.IsDBNull(8) ? null : r.GetString(8),
        };

    private void Write(Action<SqliteTransaction> change)
    {
        lock (gate)
        {
            using var tx = connection.BeginTransaction();
            change(tx);
            tx.Commit();
        }
    }

    private T Read<T>(Func<T> query)
    {
        lock (gate)
        {
            return query();
        }
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }

        return cmd;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseStamp(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
