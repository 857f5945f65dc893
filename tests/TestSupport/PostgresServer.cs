using Npgsql;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.TestSupport;

/// <summary>
/// The PostgreSQL server the tests may use: <c>PROOFCHECK_TEST_POSTGRES</c> names it as a URL whose user may create
/// databases (<c>.ci/run</c> starts a throwaway cluster and sets it). Each test gets a database of its own.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "PROOFCHECK_TEST_POSTGRES";

    /// <summary>A command (run by bash) that restarts that server, for the tests of a restart during a run.</summary>
    public const string RestartVariable = "PROOFCHECK_TEST_POSTGRES_RESTART";

    public static string? AdminUrl => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? url : null;

    public static string? RestartCommand => Environment.GetEnvironmentVariable(RestartVariable) is { Length: > 0 } c ? c : null;

    /// <summary>A fresh, empty database on the server; dropped again when the returned handle is disposed.</summary>
    public static TestDatabase CreateDatabase()
    {
        var admin = AdminUrl ?? throw new InvalidOperationException($"{Variable} is not set.");
        var name = "pc_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(StoreLocation.ConnectionString(admin).ConnectionString))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            cmd.ExecuteNonQuery();
        }

        var uri = new UriBuilder(admin) { Path = "/" + name };
        return new TestDatabase(admin, name, uri.Uri.ToString());
    }
}

public sealed class TestDatabase(string admin, string name, string url) : IDisposable
{
    /// <summary>The database as <c>--store</c> takes it.</summary>
    public string Url => url;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(StoreLocation.ConnectionString(admin).ConnectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        cmd.ExecuteNonQuery();
    }
}

/// <summary>A fact that needs a PostgreSQL server; skipped, saying how to provide one, when none is configured.</summary>
public sealed class RequiresPostgresFactAttribute : Xunit.FactAttribute
{
    public RequiresPostgresFactAttribute()
    {
        if (PostgresServer.AdminUrl is null)
        {
            Skip = $"No PostgreSQL server is configured: set {PostgresServer.Variable}=postgres://USER@HOST:PORT/postgres (a user that may create databases); .ci/run starts one.";
        }
    }

    /// <summary>The test restarts the server, so it also needs the command that does (<c>PROOFCHECK_TEST_POSTGRES_RESTART</c>).</summary>
    public bool Restarts { get; set; }

    public override string Skip
    {
        get => base.Skip ?? (Restarts && PostgresServer.RestartCommand is null
            ? $"{PostgresServer.RestartVariable} is not set: this test restarts the PostgreSQL server (tools/postgres.sh start sets it)."
            : null!);
        set => base.Skip = value;
    }
}
