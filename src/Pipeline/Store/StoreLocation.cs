using Npgsql;
using ProofCheck.Core;

namespace ProofCheck.Pipeline.Store;

/// <summary>
/// What <c>--store</c> names: a PostgreSQL database (<c>postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?key=value…]</c>)
/// or else a SQLite file. The password may also come from <c>PGPASSWORD</c> or a <c>.pgpass</c> file, so it need
/// not appear on a command line.
/// </summary>
public static class StoreLocation
{
    /// <summary>What every command says when the PostgreSQL server of <paramref name="url"/> cannot be reached.</summary>
    public static UserInputException Unreachable(string url, Exception e) => new(
        $"Cannot reach the PostgreSQL run store {Display(url)}: {PostgresBackend.Reason(e)}. Is the server running, and does the database exist (createdb {ConnectionString(url).Database})?", e);

    /// <summary>The environment variable that names the store when <c>--store</c> is not given.</summary>
    public const string Variable = "PROOFCHECK_STORE";

    /// <summary>The store a command uses when none is given: <c>$PROOFCHECK_STORE</c>, else the SQLite default.</summary>
    public static string Default =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : RunStore.DefaultPath;

    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Two names of one store compare equal (a relative and an absolute path to one file, say).</summary>
    public static bool Same(string a, string b) =>
        IsPostgres(a) || IsPostgres(b) ? Display(a) == Display(b) : Path.GetFullPath(a) == Path.GetFullPath(b);

    /// <summary>The store's name as shown in messages: a URL without its password, or a file's full path.</summary>
    public static string Display(string location)
    {
        if (!IsPostgres(location))
        {
            return Path.GetFullPath(location);
        }

        var b = ConnectionString(location);
        return $"postgres://{b.Username}@{b.Host}:{b.Port}/{b.Database}";
    }

    /// <summary>The Npgsql connection string of a <c>postgres://</c> URL; a malformed URL is a user error naming the expected form.</summary>
    public static NpgsqlConnectionStringBuilder ConnectionString(string url)
    {
        const string Form = "Expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new UserInputException($"--store {url} is not a PostgreSQL URL. {Form}");
        }

        var user = uri.UserInfo.Split(':', 2);
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (user[0].Length == 0 || database.Length == 0)
        {
            throw new UserInputException($"--store {Redacted(url)} names no {(user[0].Length == 0 ? "user" : "database")}. {Form}");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Username = Uri.UnescapeDataString(user[0]),
            Database = database,
            // Names the store's connections in pg_stat_activity, so an operator can tell them apart from Hangfire's.
            ApplicationName = "proofcheck",
        };
        if (user.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            try
            {
                builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
            }
            catch (ArgumentException e)
            {
                throw new UserInputException($"--store {Redacted(url)}: '{kv[0]}' is not a connection setting Npgsql knows ({e.Message}).", e);
            }
        }

        return builder;
    }

    private static string Redacted(string url) => System.Text.RegularExpressions.Regex.Replace(url, "(://[^:/@]+):[^@]*@", "$1:***@");
}
