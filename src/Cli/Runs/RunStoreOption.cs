using System.CommandLine;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Cli.Runs;

/// <summary>The <c>--store</c> option every run command shares.</summary>
internal static class RunStoreOption
{
    public static Option<string> Create() => new("--store")
    {
        Description = "The run store: a SQLite file, or postgres://USER@HOST:PORT/DB (one store shared by a coordinator and workers on " +
            $"many machines; the password from PGPASSWORD or ~/.pgpass). Default: ${StoreLocation.Variable}, else {RunStore.DefaultPath} in the current folder.",
        DefaultValueFactory = _ => StoreLocation.Default,
    };

    /// <summary>The --store part of a command line that names this store, or nothing for the default.</summary>
    public static string Hint(string path) =>
        StoreLocation.Same(path, StoreLocation.Default) ? string.Empty : $" --store {path}";
}
