using System.CommandLine;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Cli.Runs;

/// <summary>The <c>--store</c> option every run command shares.</summary>
internal static class RunStoreOption
{
    public static Option<string> Create() => new("--store")
    {
        Description = $"The run store (SQLite file). Default: {RunStore.DefaultPath} in the current folder.",
        DefaultValueFactory = _ => RunStore.DefaultPath,
    };

    /// <summary>The --store part of a command line that names this store, or nothing for the default.</summary>
    public static string Hint(string path) =>
        Path.GetFullPath(path) == Path.GetFullPath(RunStore.DefaultPath) ? string.Empty : $" --store {path}";
}
