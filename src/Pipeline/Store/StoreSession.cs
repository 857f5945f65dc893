using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProofCheck.Pipeline.Store;

/// <summary>
/// One connection (and, for a write, its transaction) lent to a store operation. Commands are written once in the SQL
/// both backends read: <c>@name</c> parameters, standard types, <c>ON CONFLICT</c>.
/// </summary>
internal sealed partial class StoreSession(DbConnection connection, DbTransaction? transaction)
{
    public DbConnection Connection => connection;

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            // A parameter the SQL does not use is a bug in the query (a filter left out), never something to ignore.
            if (!Regex.IsMatch(sql, Regex.Escape(name) + @"\b"))
            {
                cmd.Dispose();
                throw new ArgumentException($"The SQL does not use parameter {name}: {sql}", nameof(parameters));
            }

            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    /// <summary>Every row <paramref name="sql"/> returns, in its order, each read by <paramref name="row"/>.</summary>
    public List<T> Rows<T>(string sql, Func<DbDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(row(r));
        }

        return list;
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    // SQLite hands back every integer as a 64-bit value and PostgreSQL as the column's own width: read both by value.
    public static int Int(DbDataReader r, int column) => Convert.ToInt32(r.GetValue(column), CultureInfo.InvariantCulture);

    public static long Long(DbDataReader r, int column) => Convert.ToInt64(r.GetValue(column), CultureInfo.InvariantCulture);

    public static string? Text(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);
}
