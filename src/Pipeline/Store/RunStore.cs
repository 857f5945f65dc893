using System.Globalization;
using System.Text.Json;
using System.Data.Common;
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

    private readonly StoreBackend backend;

    private RunStore(StoreBackend backend)
    {
        this.backend = backend;
    }

    /// <summary>The store's name in messages: a SQLite file's full path, or a PostgreSQL URL without its password.</summary>
    public string Path => backend.Location;

    /// <summary>Whether the store is a PostgreSQL database (which other machines can share).</summary>
    public bool IsShared => backend is PostgresBackend;

    /// <summary>
    /// Opens (creating when needed) the store <paramref name="location"/> names (a SQLite path, or a
    /// <c>postgres://</c> URL) and brings its schema up to date.
    /// </summary>
    public static RunStore Open(string location)
    {
        StoreBackend backend = StoreLocation.IsPostgres(location) ? PostgresBackend.Open(location) : SqliteBackend.Open(location);
        try
        {
            StoreSchema.Migrate(backend);
        }
        catch (SqliteException e)
        {
            backend.Dispose();
            var readOnly = e.SqliteErrorCode == SqliteBackend.ReadOnlyError;
            throw new UserInputException(
                readOnly
                    ? $"The run store {backend.Location} is read-only, and this command writes to it. Use a writable copy of it, or another --store."
                    : $"Cannot open the run store {backend.Location}: {e.Message}",
                e);
        }
        catch
        {
            backend.Dispose();
            throw;
        }

        return new RunStore(backend);
    }

    /// <summary>
    /// Opens an existing store; a missing file (or a database without a run store) is a clear user error, not a
    /// fresh empty store. With <paramref name="readOnly"/> (show, export) a SQLite store that cannot be written is still read.
    /// </summary>
    public static RunStore OpenExisting(string location, bool readOnly = false)
    {
        if (StoreLocation.IsPostgres(location))
        {
            var store = Open(location);
            return store;
        }

        if (!File.Exists(location))
        {
            throw new UserInputException($"There is no run store at {System.IO.Path.GetFullPath(location)}. Start a run with 'proofcheck run', or pass --store PATH.");
        }

        if (!readOnly)
        {
            return Open(location);
        }

        try
        {
            return Open(location);
        }
        catch (UserInputException e) when (e.InnerException is SqliteException { SqliteErrorCode: SqliteBackend.ReadOnlyError or SqliteBackend.CannotOpenError })
        {
            return OpenReadOnly(location);
        }
    }

    private static RunStore OpenReadOnly(string path)
    {
        var backend = SqliteBackend.OpenReadOnly(path);
        try
        {
            var version = backend.Read(backend.SchemaVersion);
            if (version != StoreSchema.CurrentVersion)
            {
                throw new UserInputException(
                    $"The run store {backend.Location} is read-only and has schema version {version}; this ProofCheck reads version {StoreSchema.CurrentVersion}. " +
                    (version < StoreSchema.CurrentVersion ? "Open it once where it is writable (any command upgrades it), or read a writable copy." : "Use a newer ProofCheck."));
            }
        }
        catch
        {
            backend.Dispose();
            throw;
        }

        return new RunStore(backend);
    }

    public static string NewRunId(DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2))}";

    public void CreateRun(RunInfo run, IEnumerable<(string ProblemId, string ProblemJson)> problems) => Write(tx =>
    {
        tx.Command("""
            INSERT INTO runs (id, created_at, status, model, config_json, checker_versions_json, git_revision, proofcheck_version, owner_pid, owner_started, owner_host)
            VALUES (@id, @created, @status, @model, @config, @versions, @git, @version, @pid, @started, @host)
            """,
            ("@id", run.Id), ("@created", Stamp(run.CreatedAt)), ("@status", run.Status), ("@model", run.Model),
            ("@pid", ProcessOwner.Pid), ("@started", ProcessOwner.Started), ("@host", ProcessOwner.Host),
            ("@config", JsonSerializer.Serialize(run.Config, ReportJson.Options)),
            ("@versions", JsonSerializer.Serialize(run.CheckerVersions, ReportJson.Options)),
            ("@git", run.GitRevision), ("@version", run.ProofCheckVersion)).ExecuteNonQuery();
        var ordinal = 0;
        foreach (var (id, json) in problems)
        {
            tx.Command("INSERT INTO run_problems (run_id, ordinal, problem_id, problem_json) VALUES (@run, @ord, @pid, @json)",
                ("@run", run.Id), ("@ord", ordinal++), ("@pid", id), ("@json", json)).ExecuteNonQuery();
        }
    });

    /// <summary>
    /// Sets the run's status. Leaving <see cref="RunInfo.Running"/> also releases the run, so another process may
    /// resume it.
    /// </summary>
    public void SetStatus(string runId, string status, DateTimeOffset? finishedAt = null) => Write(tx =>
        tx.Command(status == RunInfo.Running
                ? "UPDATE runs SET status = @status, finished_at = @fin WHERE id = @id"
                : "UPDATE runs SET status = @status, finished_at = @fin, owner_pid = NULL, owner_started = NULL, owner_host = NULL WHERE id = @id",
            ("@status", status), ("@fin", finishedAt is null ? null : Stamp(finishedAt.Value)), ("@id", runId)).ExecuteNonQuery());

    /// <summary>
    /// Marks this process as the one running <paramref name="runId"/>. Refused while another living process runs
    /// it: two processes working on one run would ask the model twice for the same step. A run held by a process on
    /// another machine cannot be seen to have died from here, so it is refused too unless <paramref name="steal"/>.
    /// </summary>
    public void Claim(string runId, bool steal = false) => Write(tx =>
    {
        using (var cmd = tx.Command("SELECT owner_pid, owner_started, status, owner_host FROM runs WHERE id = @id", ("@id", runId)))
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
            {
                throw new UserInputException($"No run '{runId}' in {Path}.");
            }

            if (!r.IsDBNull(0) && r.GetString(2) == RunInfo.Running)
            {
                var pid = StoreSession.Int(r, 0);
                var started = r.IsDBNull(1) ? null : r.GetString(1);
                var host = r.IsDBNull(3) ? null : r.GetString(3);
                if (ProcessOwner.IsElsewhere(host))
                {
                    if (!steal)
                    {
                        throw new UserInputException(
                            $"Run {runId} is being run by process {pid} on host {host}; two processes on one run would repeat its model calls, " +
                            $"and this machine cannot see whether that process still lives. Stop it there (kill {pid} on {host}), or, if {host} " +
                            $"or that process is gone, take the run over: proofcheck run --resume {runId} --steal");
                    }
                }
                else if (!(pid == ProcessOwner.Pid && started == ProcessOwner.Started) && ProcessOwner.IsAlive(host, pid, started))
                {
                    throw new UserInputException(
                        $"Run {runId} is being run by process {pid}; two processes on one run would repeat its model calls. " +
                        $"Wait for it to finish, or stop it (Ctrl-C in its terminal, or kill {pid}) and resume then.");
                }
            }
        }

        tx.Command("UPDATE runs SET status = @status, owner_pid = @pid, owner_started = @started, owner_host = @host WHERE id = @id",
            ("@status", RunInfo.Running), ("@pid", ProcessOwner.Pid), ("@started", ProcessOwner.Started), ("@host", ProcessOwner.Host), ("@id", runId)).ExecuteNonQuery();
    });

    /// <summary>Replaces the stored configuration (a resume that the user allowed to change the model).</summary>
    public void UpdateConfig(string runId, RunConfig config) => Write(tx =>
        tx.Command("UPDATE runs SET config_json = @config, model = @model WHERE id = @id",
            ("@config", JsonSerializer.Serialize(config, ReportJson.Options)), ("@model", config.Model), ("@id", runId)).ExecuteNonQuery());

    /// <summary>Removes a run and everything it stored. Refused while a living process runs it.</summary>
    public void DeleteRun(string runId)
    {
        var run = GetRun(runId);
        if (run.Status == RunInfo.Running)
        {
            throw new UserInputException($"Run {runId} is being run by {run.OwnerText}; stop it before deleting it.");
        }

        Write(tx =>
        {
            foreach (var table in new[] { "checks", "artifacts", "attempts", "samples", "run_problems", "runs" })
            {
                tx.Command($"DELETE FROM {table} WHERE {(table == "runs" ? "id" : "run_id")} = @id", ("@id", runId)).ExecuteNonQuery();
            }
        });
    }

    /// <summary>Records the checker versions met so far (merged with those already stored).</summary>
    public void AddCheckerVersions(string runId, IReadOnlyDictionary<string, string> versions) => Write(tx =>
    {
        var current = tx.Command("SELECT checker_versions_json FROM runs WHERE id = @id", ("@id", runId)).ExecuteScalar() as string ?? "{}";
        var merged = JsonSerializer.Deserialize<SortedDictionary<string, string>>(current, ReportJson.Options) ?? [];
        foreach (var (k, v) in versions)
        {
            merged[k] = v;
        }

        tx.Command("UPDATE runs SET checker_versions_json = @v WHERE id = @id",
            ("@v", JsonSerializer.Serialize(merged, ReportJson.Options)), ("@id", runId)).ExecuteNonQuery();
    });

    public RunInfo? FindRun(string runId) => Read(s =>
    {
        using var cmd = s.Command($"SELECT {RunColumns} FROM runs WHERE id = @id", ("@id", runId));
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
    public IReadOnlyList<RunInfo> Runs() => Read(s => s.Rows($"SELECT {RunColumns} FROM runs ORDER BY created_at DESC, id DESC", ReadRun));

    /// <summary>The problems of a run, in run order, as the JSON snapshot taken when it started.</summary>
    public IReadOnlyList<(string ProblemId, string ProblemJson)> RunProblems(string runId) => Read(s => s.Rows(
        "SELECT problem_id, problem_json FROM run_problems WHERE run_id = @run ORDER BY ordinal", r => (r.GetString(0), r.GetString(1)), ("@run", runId)));

    /// <summary>Stores one model exchange and the artifacts extracted from it, together or not at all.</summary>
    public void RecordAttempt(string runId, AttemptRecord attempt, IEnumerable<ArtifactRecord> artifacts) => Write(tx =>
    {
        var k = attempt.Key;
        tx.Command("""
            INSERT INTO attempts (run_id, problem_id, sample, stage, target, round, prompt, response, reasoning, input_tokens, output_tokens, finish_reason, ms, created_at, model, sampling_json, answer)
            VALUES (@run, @pid, @sample, @stage, @target, @round, @prompt, @response, @reasoning, @in, @out, @finish, @ms, @at, @model, @sampling, @answer)
            """,
            ("@run", runId), ("@pid", k.ProblemId), ("@sample", k.Sample), ("@stage", k.Stage), ("@target", k.Target), ("@round", k.Round),
            ("@prompt", attempt.Prompt), ("@response", attempt.Response), ("@reasoning", attempt.Reasoning),
            ("@in", attempt.InputTokens), ("@out", attempt.OutputTokens), ("@finish", attempt.FinishReason), ("@ms", attempt.Ms),
            ("@at", Stamp(DateTimeOffset.UtcNow)), ("@model", attempt.Model),
            ("@sampling", attempt.Sampling is null ? null : JsonSerializer.Serialize(attempt.Sampling, ReportJson.Options)),
            ("@answer", AnswerName(attempt.Answer))).ExecuteNonQuery();
        foreach (var a in artifacts)
        {
            tx.Command("""
                INSERT INTO artifacts (run_id, problem_id, sample, target, round, content, has_code)
                VALUES (@run, @pid, @sample, @target, @round, @content, @has)
                """,
                ("@run", runId), ("@pid", a.ProblemId), ("@sample", a.Sample), ("@target", a.Target), ("@round", a.Round),
                ("@content", a.Content), ("@has", a.HasCode ? 1 : 0)).ExecuteNonQuery();
        }
    });

    /// <summary>
    /// Stores one check unless a result for the same (problem, sample, target, round, pass) is already there: a check
    /// job delivered twice (its worker died after storing, say) keeps the first result and never doubles it.
    /// </summary>
    public void RecordCheck(string runId, CheckRecord check) => Write(tx =>
        tx.Command("""
            INSERT INTO checks (run_id, problem_id, sample, target, round, pass, checker, checker_version, verdict, verdict_text, report_json, audit_json, ms, checked_at)
            VALUES (@run, @pid, @sample, @target, @round, @pass, @checker, @version, @verdict, @text, @report, @audit, @ms, @at)
            ON CONFLICT (run_id, problem_id, sample, target, round, pass) DO NOTHING
            """,
            ("@run", runId), ("@pid", check.ProblemId), ("@sample", check.Sample), ("@target", check.Target), ("@round", check.Round),
            ("@pass", check.Pass), ("@checker", check.Report.Checker), ("@version", check.Report.CheckerVersion),
            ("@verdict", check.Report.Verdict.ToString()), ("@text", check.Report.VerdictText),
            ("@report", JsonSerializer.Serialize(check.Report, ReportJson.Options)),
            ("@audit", check.Report.Audit is null ? null : JsonSerializer.Serialize(check.Report.Audit, ReportJson.Options)),
            ("@ms", check.Ms), ("@at", Stamp(DateTimeOffset.UtcNow))).ExecuteNonQuery());

    public void MarkSampleDone(string runId, string problemId, int sample) => Write(tx =>
        tx.Command("INSERT INTO samples (run_id, problem_id, sample, finished_at) VALUES (@run, @pid, @sample, @at)",
            ("@run", runId), ("@pid", problemId), ("@sample", sample), ("@at", Stamp(DateTimeOffset.UtcNow))).ExecuteNonQuery());

    public bool IsSampleDone(string runId, string problemId, int sample) => Read(s =>
        s.Command("SELECT 1 FROM samples WHERE run_id = @run AND problem_id = @pid AND sample = @sample",
            ("@run", runId), ("@pid", problemId), ("@sample", sample)).ExecuteScalar() is not null);

    public AttemptRecord? FindAttempt(string runId, AttemptKey key) =>
        QueryAttempts(runId, "AND problem_id = @pid AND sample = @sample AND stage = @stage AND target = @target AND round = @round",
            ("@pid", key.ProblemId), ("@sample", key.Sample), ("@stage", key.Stage), ("@target", key.Target), ("@round", key.Round)).FirstOrDefault();

    /// <summary>Every attempt of a run (or of one problem), in loop order.</summary>
    public IReadOnlyList<AttemptRecord> Attempts(string runId, string? problemId = null) => problemId is null
        ? QueryAttempts(runId, string.Empty)
        : QueryAttempts(runId, "AND problem_id = @pid", ("@pid", problemId));

    public IReadOnlyList<ArtifactRecord> Artifacts(string runId, string? problemId = null) => problemId is null
        ? QueryArtifacts(runId, string.Empty)
        : QueryArtifacts(runId, "AND problem_id = @pid", ("@pid", problemId));

    public ArtifactRecord? FindArtifact(string runId, string problemId, int sample, string target, int round) =>
        QueryArtifacts(runId, "AND problem_id = @pid AND sample = @sample AND target = @target AND round = @round",
            ("@pid", problemId), ("@sample", sample), ("@target", target), ("@round", round)).SingleOrDefault();

    /// <summary>Every check of a run (or of one problem); <paramref name="pass"/> null means all passes.</summary>
    public IReadOnlyList<CheckRecord> Checks(string runId, string? problemId = null, int? pass = null)
    {
        var filter = new List<(string Sql, (string, object?) Parameter)>();
        if (problemId is not null)
        {
            filter.Add(("AND problem_id = @pid", ("@pid", problemId)));
        }

        if (pass is not null)
        {
            filter.Add(("AND pass = @pass", ("@pass", pass)));
        }

        return QueryChecks(runId, string.Join(' ', filter.Select(f => f.Sql)), [.. filter.Select(f => f.Parameter)]);
    }

    public CheckRecord? FindCheck(string runId, string problemId, int sample, string target, int round, int pass = 0) =>
        QueryChecks(runId, "AND problem_id = @pid AND sample = @sample AND target = @target AND round = @round AND pass = @pass",
            ("@pid", problemId), ("@sample", sample), ("@target", target), ("@round", round), ("@pass", pass)).SingleOrDefault();

    private IReadOnlyList<ArtifactRecord> QueryArtifacts(string runId, string filter, params (string, object?)[] parameters) => Read(s => s.Rows(
        "SELECT problem_id, sample, target, round, content, has_code FROM artifacts WHERE run_id = @run " + filter +
        " ORDER BY problem_id, sample, target, round",
        r => new ArtifactRecord(r.GetString(0), StoreSession.Int(r, 1), r.GetString(2), StoreSession.Int(r, 3), r.GetString(4), StoreSession.Int(r, 5) != 0),
        [("@run", runId), .. parameters]));

    private IReadOnlyList<CheckRecord> QueryChecks(string runId, string filter, params (string, object?)[] parameters) => Read(s => s.Rows(
        "SELECT problem_id, sample, target, round, pass, report_json, ms FROM checks WHERE run_id = @run " + filter +
        " ORDER BY problem_id, sample, target, round, pass",
        r => new CheckRecord(r.GetString(0), StoreSession.Int(r, 1), r.GetString(2), StoreSession.Int(r, 3), StoreSession.Int(r, 4), StoredReport(r.GetString(5)))
        {
            Ms = StoreSession.Long(r, 6),
        },
        [("@run", runId), .. parameters]));

    private static CheckReport StoredReport(string json) =>
        JsonSerializer.Deserialize<CheckReport>(json, ReportJson.Options) ?? throw new InvalidDataException("A stored check report is empty.");

    /// <summary>The highest check pass of a run (0 when it was never rechecked).</summary>
    public int LastPass(string runId) => Read(s =>
        Convert.ToInt32(s.Command("SELECT COALESCE(MAX(pass), 0) FROM checks WHERE run_id = @run", ("@run", runId)).ExecuteScalar(), CultureInfo.InvariantCulture));

    // The tables a run owns, parents first, with the column that names the run.
    private static readonly (string Table, string RunColumn)[] RunTables =
        [("runs", "id"), ("run_problems", "run_id"), ("samples", "run_id"), ("attempts", "run_id"), ("artifacts", "run_id"), ("checks", "run_id")];

    /// <summary>
    /// Copies one run, every row of it as stored, from this store into <paramref name="target"/> in one transaction.
    /// False (and nothing written) when the target already holds a run with that id.
    /// </summary>
    public bool CopyRunTo(RunStore target, string runId)
    {
        GetRun(runId);
        var tables = Read(s => RunTables.Select(t =>
        {
            using var cmd = s.Command($"SELECT * FROM {t.Table} WHERE {t.RunColumn} = @run", ("@run", runId));
            using var r = cmd.ExecuteReader();
            var columns = Enumerable.Range(0, r.FieldCount).Select(r.GetName).ToArray();
            var rows = new List<object?[]>();
            while (r.Read())
            {
                rows.Add([.. Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetValue(i))]);
            }

            return (t.Table, Columns: columns, Rows: rows);
        }).ToList());
        var copied = false;
        target.Write(tx =>
        {
            if (tx.Scalar("SELECT 1 FROM runs WHERE id = @id", ("@id", runId)) is not null)
            {
                return;
            }

            foreach (var (table, columns, rows) in tables)
            {
                // Columns by name: the two stores agree on them (one schema), not necessarily on their order.
                var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@c" + i))})";
                foreach (var row in rows)
                {
                    tx.Execute(sql, [.. row.Select((v, i) => ("@c" + i, v))]);
                }
            }

            copied = true;
        });
        return copied;
    }

    public void Dispose() => backend.Dispose();

    private IReadOnlyList<AttemptRecord> QueryAttempts(string runId, string filter, params (string, object?)[] parameters) => Read(s => s.Rows(
        "SELECT problem_id, sample, stage, target, round, prompt, response, reasoning, input_tokens, output_tokens, finish_reason, ms, model, sampling_json, answer FROM attempts WHERE run_id = @run " + filter +
        " ORDER BY problem_id, sample, CASE stage WHEN 'prove' THEN 0 WHEN 'formalize' THEN 1 ELSE 2 END, target, round",
        r => new AttemptRecord(new AttemptKey(r.GetString(0), StoreSession.Int(r, 1), r.GetString(2), r.GetString(3), StoreSession.Int(r, 4)), r.GetString(5), r.GetString(6))
        {
            Reasoning = StoreSession.Text(r, 7),
            InputTokens = StoreSession.Long(r, 8),
            OutputTokens = StoreSession.Long(r, 9),
            FinishReason = StoreSession.Text(r, 10),
            Ms = StoreSession.Long(r, 11),
            Model = StoreSession.Text(r, 12),
            Sampling = StoreSession.Text(r, 13) is { } sampling ? JsonSerializer.Deserialize<SamplingSettings>(sampling, ReportJson.Options) : null,
            Answer = ParseAnswer(r.GetString(14)),
        },
        [("@run", runId), .. parameters]));

    private const string RunColumns =
        "id, created_at, finished_at, status, model, config_json, checker_versions_json, git_revision, proofcheck_version, owner_pid, owner_started, owner_host";

    // A run stored as running whose process is gone (killed, machine rebooted) is shown as what it is: interrupted.
    private static RunInfo ReadRun(DbDataReader r)
    {
        var owner = r.IsDBNull(9) ? (int?)null : StoreSession.Int(r, 9);
        var host = r.IsDBNull(11) ? null : r.GetString(11);
        var alive = owner is { } pid && ProcessOwner.IsAlive(host, pid, r.IsDBNull(10) ? null : r.GetString(10));
        var status = r.GetString(3) == RunInfo.Running && !alive ? RunInfo.Interrupted : r.GetString(3);
        return new(r.GetString(0), ParseStamp(r.GetString(1)), status, r.GetString(4),
            JsonSerializer.Deserialize<RunConfig>(r.GetString(5), ReportJson.Options) ?? throw new InvalidDataException("A stored run configuration is empty."))
        {
            FinishedAt = r.IsDBNull(2) ? null : ParseStamp(r.GetString(2)),
            CheckerVersions = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(6), ReportJson.Options) ?? [],
            GitRevision = r.IsDBNull(7) ? null : r.GetString(7),
            ProofCheckVersion = r.IsDBNull(8) ? null : r.GetString(8),
            OwnerPid = status == RunInfo.Running ? owner : null,
            OwnerHost = status == RunInfo.Running ? host : null,
        };
    }

    private static string AnswerName(AnswerStatus answer) => answer.ToString().ToLowerInvariant();

    private static AnswerStatus ParseAnswer(string stored) =>
        Enum.TryParse<AnswerStatus>(stored, ignoreCase: true, out var answer) ? answer : throw new InvalidDataException($"Unknown stored answer status '{stored}'.");

    private void Write(Action<StoreSession> change) => backend.Write(change);

    private T Read<T>(Func<StoreSession, T> query) => backend.Read(query);

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseStamp(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
