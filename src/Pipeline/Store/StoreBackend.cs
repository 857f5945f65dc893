using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using ProofCheck.Core;

namespace ProofCheck.Pipeline.Store;

/// <summary>
/// Where a run store's rows live. Both backends run the same SQL (<see cref="StoreSession"/>); what differs is how a
/// connection is had, where the schema version is kept and which failures are worth retrying.
/// </summary>
/// <param name="location">The store's name in messages (a file's full path, or a URL without its password).</param>
internal abstract class StoreBackend(string location) : IDisposable
{
    /// <summary>The store's name in messages (a file's full path, or a URL without its password).</summary>
    public string Location { get; } = location;

    public abstract T Read<T>(Func<StoreSession, T> query);

    /// <summary>Runs <paramref name="change"/> in one transaction: all of it is stored, or none.</summary>
    public abstract void Write(Action<StoreSession> change);

    /// <summary>How many migrations the store has had (0 for an empty database).</summary>
    public abstract int SchemaVersion(StoreSession session);

    public abstract void SetSchemaVersion(StoreSession session, int version);

    /// <summary>Serialises migrations between processes that open one store at once (workers starting together).</summary>
    public virtual void LockSchema(StoreSession session)
    {
    }

    public abstract void Dispose();
}

/// <summary>
/// One SQLite file, one connection, one writer at a time. The schema version is SQLite's own <c>user_version</c>.
/// </summary>
/// <remarks>Made by <see cref="Open"/> or <see cref="OpenReadOnly"/>, which open the connection it is given.</remarks>
internal sealed class SqliteBackend(SqliteConnection connection, string path) : StoreBackend(path)
{
    // SQLITE_READONLY and SQLITE_CANTOPEN: what SQLite says about a store on a read-only disk or without write permission.
    internal const int ReadOnlyError = 8;
    internal const int CannotOpenError = 14;

    private readonly Lock gate = new();

    public static SqliteBackend Open(string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            new StoreSession(connection, null).Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
            return new SqliteBackend(connection, full);
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
    }

    // SQLite needs a writable folder to read a WAL store unless told the file cannot change ("immutable"), which is
    // true of a store on a read-only disk.
    public static SqliteBackend OpenReadOnly(string path)
    {
        var full = Path.GetFullPath(path);
        var uri = new Uri(full).AbsoluteUri + "?immutable=1";
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = uri, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            connection.Open();
            return new SqliteBackend(connection, full);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new UserInputException($"The run store {full} is read-only and could not be read: {e.Message}", e);
        }
    }

    public override T Read<T>(Func<StoreSession, T> query)
    {
        lock (gate)
        {
            try
            {
                return query(new StoreSession(connection, null));
            }
            catch (SqliteException e) when (e.SqliteErrorCode is not ReadOnlyError)
            {
                throw new UserInputException($"The run store {Location} could not be read: {e.Message}", e);
            }
        }
    }

    public override void Write(Action<StoreSession> change)
    {
        lock (gate)
        {
            try
            {
                using var tx = connection.BeginTransaction();
                change(new StoreSession(connection, tx));
                tx.Commit();
            }
            catch (SqliteException e) when (e.SqliteErrorCode == ReadOnlyError)
            {
                throw new UserInputException($"The run store {Location} is read-only, and this command writes to it. Use a writable copy of it, or another --store.", e);
            }
        }
    }

    public override int SchemaVersion(StoreSession session) =>
        Convert.ToInt32(session.Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);

    public override void SetSchemaVersion(StoreSession session, int version) =>
        session.Execute($"PRAGMA user_version = {version.ToString(CultureInfo.InvariantCulture)};");

    public override void Dispose()
    {
        lock (gate)
        {
            connection.Dispose();
        }
    }

    private static bool Writable(string? directory)
    {
        if (directory is null)
        {
            return false;
        }

        try
        {
            var probe = Path.Combine(directory, $".proofcheck-write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>
/// A PostgreSQL database shared by a coordinator and workers on many machines. Each operation takes a pooled
/// connection of its own (no lock between the threads of a process); one that fails because the server went away
/// is retried (<see cref="PostgresRetry"/>).
/// </summary>
/// <remarks>Made by <see cref="Open"/>, which checks the server answers.</remarks>
internal sealed class PostgresBackend(NpgsqlDataSource source, string location) : StoreBackend(location)
{
    // A key of our own for pg_advisory_xact_lock, so two processes never migrate at once.
    private const long MigrationLock = 0x50726f6f66436b;


    public static PostgresBackend Open(string url)
    {
        var builder = StoreLocation.ConnectionString(url);
        var location = StoreLocation.Display(url);
        var source = NpgsqlDataSource.Create(builder);
        try
        {
            // One round trip now: an unreachable server or a wrong name is said at once, not at the first step.
            using var probe = source.OpenConnection();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            source.Dispose();
            throw StoreLocation.Unreachable(url, e);
        }

        return new PostgresBackend(source, location);
    }

    public override T Read<T>(Func<StoreSession, T> query) => Retry(connection => query(new StoreSession(connection, null)), write: false);

    public override void Write(Action<StoreSession> change) => Retry(
        connection =>
        {
            using var tx = connection.BeginTransaction();
            change(new StoreSession(connection, tx));
            tx.Commit();
            return true;
        },
        write: true);

    // Asked of pg_tables (read with the statement's snapshot), not with to_regclass: a connection that looked the name
    // up before another process created the table may still hold "no such table" in its catalog cache.
    public override int SchemaVersion(StoreSession session) =>
        session.Scalar("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'proofcheck_schema')") is true
            ? Convert.ToInt32(session.Scalar("SELECT COALESCE(MAX(version), 0) FROM proofcheck_schema"), CultureInfo.InvariantCulture)
            : 0;

    public override void SetSchemaVersion(StoreSession session, int version)
    {
        session.Execute("CREATE TABLE IF NOT EXISTS proofcheck_schema (version INTEGER NOT NULL)");
        session.Execute("DELETE FROM proofcheck_schema");
        session.Execute("INSERT INTO proofcheck_schema (version) VALUES (@v)", ("@v", version));
    }

    public override void LockSchema(StoreSession session) =>
        session.Scalar("SELECT pg_advisory_xact_lock(@key)", ("@key", MigrationLock));

    public override void Dispose() => source.Dispose();

    private T Retry<T>(Func<NpgsqlConnection, T> work, bool write) => PostgresRetry.Run(
        () =>
        {
            using var connection = source.OpenConnection();
            return work(connection);
        },
        Location,
        write);

    internal static string Reason(Exception e) => e is PostgresException p ? p.MessageText : (e.InnerException?.Message ?? e.Message);
}

/// <summary>
/// Runs a PostgreSQL operation again while the server is away (restarted, failed over, network cut), with growing
/// pauses, for up to <see cref="ReconnectWindow"/>; any other failure is not retried.
/// </summary>
public static class PostgresRetry
{
    /// <summary>How long an operation keeps retrying while the server is unreachable.</summary>
    public static TimeSpan ReconnectWindow { get; set; } = TimeSpan.FromSeconds(120);

    /// <param name="write">
    /// A write in one transaction whose rows are keyed by what they are: after a lost connection, finding them
    /// already stored (a unique violation) means the earlier try committed.
    /// </param>
    public static T Run<T>(Func<T> work, string location, bool write = false)
    {
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(100);
        Exception? lost = null;
        while (true)
        {
            try
            {
                return work();
            }
            catch (PostgresException e) when (write && lost is not null && e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return default!;
            }
            catch (Exception e) when (IsConnectionLost(e))
            {
                lost = e;
                if (clock.Elapsed > ReconnectWindow)
                {
                    throw new UserInputException($"Lost the PostgreSQL run store {location} for {ReconnectWindow.TotalSeconds:0} s: {PostgresBackend.Reason(e)}.", e);
                }

                // The pool may hold more connections to the server that went away; drop them all at once.
                NpgsqlConnection.ClearAllPools();
                Thread.Sleep(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
        }
    }

    /// <summary>The server went away or is not yet accepting connections: worth waiting for; anything else is not.</summary>
    public static bool IsConnectionLost(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03" or "53300",
        NpgsqlException n => n.IsTransient || n.InnerException is IOException or System.Net.Sockets.SocketException,
        InvalidOperationException { InnerException: { } inner } => IsConnectionLost(inner),
        AggregateException { InnerException: { } inner } => IsConnectionLost(inner),
        _ => false,
    };
}
