using ProofCheck.TestSupport;

namespace ProofCheck.Cli.Tests;

/// <summary>
/// A run store on a read-only disk (a read-only bind mount made with bubblewrap, which works even for root): reading
/// commands work, writing commands say the store is read-only.
/// </summary>
public sealed class ReadOnlyStoreSpecs() : FolderSpecs("proofcheck-ro-")
{
    [RequiresToolFact("bwrap")]
    public async Task Show_and_export_read_a_read_only_store_and_run_says_it_is_read_only()
    {
        var store = Path.Combine(Folder, "runs.db");
        // Any command that opens the store creates it; this one then fails for want of the run.
        var (createCode, created) = await ProofCheckCli.RunAsync(["run", "--resume", "nope", "--store", store]);
        Assert.True(createCode == 2 && File.Exists(store), created);
        string[] readOnly = ["bwrap", "--dev-bind", "/", "/", "--ro-bind", Folder, Folder];

        var (showCode, shown) = await ProofCheckCli.RunAsync(["show", "--store", store], launcher: readOnly);
        Assert.True(showCode == 0, shown);
        Assert.Contains("run", shown, StringComparison.Ordinal);

        var (exportCode, exported) = await ProofCheckCli.RunAsync(["export", "nope", "--jsonl", "--store", store], launcher: readOnly);
        Assert.True(exportCode == 2, exported);
        Assert.Contains("No run 'nope'", exported, StringComparison.Ordinal);

        var (runCode, ran) = await ProofCheckCli.RunAsync(
            ["run", "--model", "replay:none.jsonl", "--dir", RepoPaths.Problems, "--store", store], launcher: readOnly);
        Assert.True(runCode == 2, ran);
        Assert.Contains("is read-only", ran, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", ran, StringComparison.Ordinal);
    }

}
