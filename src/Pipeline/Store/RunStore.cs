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
            var readOnly = e.SqliteErrorCode == ReadOnlyError || (e.SqliteErrorCode == CannotOpenError && File.Exists(full) && !Writable(dir));
            throw new UserInputException(
                readOnly
                    ? $"The run store {full} is read-only, and this command writes to it. Use a writable copy of it, or another --store."
                    : $"Cannot open the run store {full}: {e.Message}",
                e);
        }

        return new RunStore(connection, full);
    }

    private static bool Writable(string? directory)
    {
        if (directory is null)
        {
            return false;
        }

        try
        {
            var probe = System.IO.Path.Combine(directory, $".proofcheck-write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // SQLITE_READONLY and SQLITE_CANTOPEN: what SQLite says about a store on a read-only disk or without write permission.
    private const int ReadOnlyError = 8;
    private const int CannotOpenError = 14;

    /// <summary>
    /// Opens an existing store; a missing file is a clear user error, not a fresh empty store. With
    /// <paramref name="readOnly"/> (show, export) a store that cannot be written is still read.
    /// </summary>
    public static RunStore OpenExisting(string path, bool readOnly = false)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"There is no run store at {System.IO.Path.GetFullPath(path)}. Start a run with 'proofcheck run', or pass --store PATH.");
        }

        if (!readOnly)
        {
            return Open(path);
        }

        try
        {
            return Open(path);
        }
        catch (UserInputException e) when (e.InnerException is SqliteException { SqliteErrorCode: ReadOnlyError or CannotOpenError })
        {
            return OpenReadOnly(path);
        }
    }

    // SQLite needs a writable folder to read a WAL store unless told the file cannot change ("immutable"), which is
    // true of a store on a read-only disk.
    private static RunStore OpenReadOnly(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var uri = new Uri(full).AbsoluteUri + "?immutable=1";
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = uri, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            connection.Open();
            var version = StoreSchema.Version(connection);
            if (version != StoreSchema.CurrentVersion)
            {
                throw new UserInputException(
                    $"The run store {full} is read-only and has schema version {version}; this ProofCheck reads version {StoreSchema.CurrentVersion}. " +
                    (version < StoreSchema.CurrentVersion ? "Open it once where it is writable (any command upgrades it), or read a writable copy." : "Use a newer ProofCheck."));
            }
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new UserInputException($"The run store {full} is read-only and could not be read: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new RunStore(connection, full);
    }

    public static string NewRunId(DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2))}";

    public void CreateRun(RunInfo run, IEnumerable<(string ProblemId, string ProblemJson)> problems) => Write(tx =>
    {
        Command(tx, """
            INSERT INTO runs (id, created_at, status, model, config_json, checker_versions_json, git_revision, proofcheck_version, owner_pid, owner_started)
            VALUES ($id, $created, $status, $model, $config, $versions, $git, $version, $pid, $started)
            """,
            ("$id", run.Id), ("$created", Stamp(run.CreatedAt)), ("$status", run.Status), ("$model", run.Model),
            ("$pid", ProcessOwner.Pid), ("$started", ProcessOwner.Started),
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

    /// <summary>
    /// Sets the run's status. Leaving <see cref="RunInfo.Running"/> also releases the run, so another process may
    /// resume it.
    /// </summary>
    public void SetStatus(string runId, string status, DateTimeOffset? finishedAt = null) => Write(tx =>
        Command(tx, status == RunInfo.Running
                ? "UPDATE runs SET status = $status, finished_at = $fin WHERE id = $id"
                : "UPDATE runs SET status = $status, finished_at = $fin, owner_pid = NULL, owner_started = NULL WHERE id = $id",
            ("$status", status), ("$fin", finishedAt is null ? null : Stamp(finishedAt.Value)), ("$id", runId)).ExecuteNonQuery());

    /// <summary>
    /// Marks this process as the one running <paramref name="runId"/>. Refused while another living process runs
    /// it: two processes working on one run would ask the model twice for the same step.
    /// </summary>
    public void Claim(string runId) => Write(tx =>
    {
        using (var cmd = Command(tx, "SELECT owner_pid, owner_started, status FROM runs WHERE id = $id", ("$id", runId)))
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
            {
                throw new UserInputException($"No run '{runId}' in {Path}.");
            }

            if (!r.IsDBNull(0) && r.GetString(2) == RunInfo.Running)
            {
                var pid = r.GetInt32(0);
                var started = r.IsDBNull(1) ? null : r.GetString(1);
                if (!(pid == ProcessOwner.Pid && started == ProcessOwner.Started) && ProcessOwner.IsAlive(pid, started))
                {
                    throw new UserInputException(
                        $"Run {runId} is being run by process {pid}; two processes on one run would repeat its model calls. " +
                        $"Wait for it to finish, or stop it (Ctrl-C in its terminal, or kill {pid}) and resume then.");
                }
            }
        }

        Command(tx, "UPDATE runs SET status = $status, owner_pid = $pid, owner_started = $started WHERE id = $id",
            ("$status", RunInfo.Running), ("$pid", ProcessOwner.Pid), ("$started", ProcessOwner.Started), ("$id", runId)).ExecuteNonQuery();
    });

    /// <summary>Replaces the stored configuration (a resume that the user allowed to change the model).</summary>
    public void UpdateConfig(string runId, RunConfig config) => Write(tx =>
        Command(tx, "UPDATE runs SET config_json = $config, model = $model WHERE id = $id",
            ("$config", JsonSerializer.Serialize(config, ReportJson.Options)), ("$model", config.Model), ("$id", runId)).ExecuteNonQuery());

    /// <summary>Removes a run and everything it stored. Refused while a living process runs it.</summary>
    public void DeleteRun(string runId)
    {
        var run = GetRun(runId);
        if (run.Status == RunInfo.Running)
        {
            throw new UserInputException($"Run {runId} is being run by process {run.OwnerPid}; stop it before deleting it.");
        }

        Write(tx =>
        {
            foreach (var table in new[] { "checks", "artifacts", "attempts", "samples", "run_problems", "runs" })
            {
                Command(tx, $"DELETE FROM {table} WHERE {(table == "runs" ? "id" : "run_id")} = $id", ("$id", runId)).ExecuteNonQuery();
            }
        });
    }

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
        using var cmd = Command(null, $"SELECT {RunColumns} FROM runs WHERE id = $id", ("$id", runId));
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
        using var cmd = Command(null, $"SELECT {RunColumns} FROM runs ORDER BY created_at DESC, id DESC");
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
            INSERT INTO attempts (run_id, problem_id, sample, stage, target, round, prompt, response, reasoning, input_tokens, output_tokens, finish_reason, ms, created_at, model, sampling_json, answer)
            VALUES ($run, $pid, $sample, $stage, $target, $round, $prompt, $response, $reasoning, $in, $out, $finish, $ms, $at, $model, $sampling, $answer)
            """,
            ("$run", runId), ("$pid", k.ProblemId), ("$sample", k.Sample), ("$stage", k.Stage), ("$target", k.Target), ("$round", k.Round),
            ("$prompt", attempt.Prompt), ("$response", attempt.Response), ("$reasoning", attempt.Reasoning),
            ("$in", attempt.InputTokens), ("$out", attempt.OutputTokens), ("$finish", attempt.FinishReason), ("$ms", attempt.Ms),
            ("$at", Stamp(DateTimeOffset.UtcNow)), ("$model", attempt.Model),
            ("$sampling", attempt.Sampling is null ? null : JsonSerializer.Serialize(attempt.Sampling, ReportJson.Options)),
            ("$answer", AnswerName(attempt.Answer))).ExecuteNonQuery();
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

    public IReadOnlyList<ArtifactRecord> Artifacts(string runId, string? problemId = null) => problemId is null
        ? QueryArtifacts(runId, string.Empty)
        : QueryArtifacts(runId, "AND problem_id = $pid", ("$pid", problemId));

    public ArtifactRecord? FindArtifact(string runId, string problemId, int sample, string target, int round) =>
        QueryArtifacts(runId, "AND problem_id = $pid AND sample = $sample AND target = $target AND round = $round",
            ("$pid", problemId), ("$sample", sample), ("$target", target), ("$round", round)).SingleOrDefault();

    /// <summary>Every check of a run (or of one problem); <paramref name="pass"/> null means all passes.</summary>
    public IReadOnlyList<CheckRecord> Checks(string runId, string? problemId = null, int? pass = null)
    {
        var filter = new List<(string Sql, (string, object?) Parameter)>();
        if (problemId is not null)
        {
            filter.Add(("AND problem_id = $pid", ("$pid", problemId)));
        }

        if (pass is not null)
        {
            filter.Add(("AND pass = $pass", ("$pass", pass)));
        }

        return QueryChecks(runId, string.Join(' ', filter.Select(f => f.Sql)), [.. filter.Select(f => f.Parameter)]);
    }

    public CheckRecord? FindCheck(string runId, string problemId, int sample, string target, int round, int pass = 0) =>
        QueryChecks(runId, "AND problem_id = $pid AND sample = $sample AND target = $target AND round = $round AND pass = $pass",
            ("$pid", problemId), ("$sample", sample), ("$target", target), ("$round", round), ("$pass", pass)).SingleOrDefault();

    private IReadOnlyList<ArtifactRecord> QueryArtifacts(string runId, string filter, params (string, object?)[] parameters) => Read(() =>
    {
        using var cmd = Command(null,
            "SELECT problem_id, sample, target, round, content, has_code FROM artifacts WHERE run_id = $run " + filter +
            " ORDER BY problem_id, sample, target, round",
            [("$run", runId), .. parameters]);
        using var r = cmd.ExecuteReader();
        var list = new List<ArtifactRecord>();
        while (r.Read())
        {
            list.Add(new ArtifactRecord(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetInt32(5) != 0));
        }

        return list;
    });

    private IReadOnlyList<CheckRecord> QueryChecks(string runId, string filter, params (string, object?)[] parameters) => Read(() =>
    {
        using var cmd = Command(null,
            "SELECT problem_id, sample, target, round, pass, report_json, ms FROM checks WHERE run_id = $run " + filter +
            " ORDER BY problem_id, sample, target, round, pass",
            [("$run", runId), .. parameters]);
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
            "SELECT problem_id, sample, stage, target, round, prompt, response, reasoning, input_tokens, output_tokens, finish_reason, ms, model, sampling_json, answer FROM attempts WHERE run_id = $run " + filter +
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
                Model = r.IsDBNull(12) ? null : r.GetString(12),
                Sampling = r.IsDBNull(13) ? null : JsonSerializer.Deserialize<SamplingSettings>(r.GetString(13), ReportJson.Options),
                Answer = ParseAnswer(r.GetString(14)),
            });
        }

        return list;
    });

    private const string RunColumns =
        "id, created_at, finished_at, status, model, config_json, checker_versions_json, git_revision, proofcheck_version, owner_pid, owner_started";

    // A run stored as running whose process is gone (killed, machine rebooted) is shown as what it is: interrupted.
    private static RunInfo ReadRun(SqliteDataReader r)
    {
        var owner = r.IsDBNull(9) ? (int?)null : r.GetInt32(9);
        var alive = owner is { } pid && ProcessOwner.IsAlive(pid, r.IsDBNull(10) ? null : r.GetString(10));
        var status = r.GetString(3) == RunInfo.Running && !alive ? RunInfo.Interrupted : r.GetString(3);
        return new(r.GetString(0), ParseStamp(r.GetString(1)), status, r.GetString(4),
            JsonSerializer.Deserialize<RunConfig>(r.GetString(5), ReportJson.Options) ?? throw new InvalidDataException("A stored run configuration is empty."))
        {
            FinishedAt = r.IsDBNull(2) ? null : ParseStamp(r.GetString(2)),
            CheckerVersions = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(6), ReportJson.Options) ?? [],
            GitRevision = r.IsDBNull(7) ? null : r.GetString(7),
            ProofCheckVersion = r.IsDBNull(8) ? null : r.GetString(8),
            OwnerPid = status == RunInfo.Running ? owner : null,
        };
    }

    private static string AnswerName(AnswerStatus answer) => answer.ToString().ToLowerInvariant();

    private static AnswerStatus ParseAnswer(string stored) =>
        Enum.TryParse<AnswerStatus>(stored, ignoreCase: true, out var answer) ? answer : throw new InvalidDataException($"Unknown stored answer status '{stored}'.");

    private void Write(Action<SqliteTransaction> change)
    {
        lock (gate)
        {
            try
            {
                using var tx = connection.BeginTransaction();
                change(tx);
                tx.Commit();
            }
            catch (SqliteException e) when (e.SqliteErrorCode == ReadOnlyError)
            {
                throw new UserInputException($"The run store {Path} is read-only, and this command writes to it. Use a writable copy of it, or another --store.", e);
            }
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
            // A parameter the SQL does not use is a bug in the query (a filter left out), never something to ignore.
            if (!System.Text.RegularExpressions.Regex.IsMatch(sql, System.Text.RegularExpressions.Regex.Escape(name) + @"\b"))
            {
                cmd.Dispose();
                throw new ArgumentException($"The SQL does not use parameter {name}: {sql}", nameof(parameters));
            }

            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
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
