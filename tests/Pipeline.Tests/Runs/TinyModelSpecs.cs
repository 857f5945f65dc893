using ProofCheck.Core;
using ProofCheck.Pipeline.Store;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>The tiny random GGUF through real llama.cpp and the real CLI: its gibberish is stored and judged, nothing crashes.</summary>
public sealed class TinyModelSpecs
{
    [RequiresFileFact("tiny")]
    public async Task The_tiny_model_runs_end_to_end_and_its_gibberish_is_stored_judged_shown_exported_and_rechecked()
    {
        await using var h = new RunHarness();
        var (code, output) = await Cli.RunAsync(
        [
            "run", "gauss-sum", "--model", RepoPaths.TinyModel, "--template", "chatml", "--context", "2048", "--threads", "1",
            "--targets", "coq,smt,lean", "--rounds", "1", "--max-tokens", "48", "--workers", "1",
            "--dir", RepoPaths.Problems, "--store", h.StorePath,
        ]);
        Assert.True(code == 0, output);

        var run = h.Store.Runs().Single();
        Assert.Equal(RunInfo.Finished, run.Status);
        var attempts = h.Store.Attempts(run.Id);
        Assert.Contains(attempts, a => a.Key.Stage == Stages.Prove && a.Response.Length > 0 && a.OutputTokens > 0);
        var checks = h.Store.Checks(run.Id);
        Assert.Equal(6, checks.Count);
        Assert.DoesNotContain(checks, c => c.Verdict == Verdict.Verified);

        var (showCode, shown) = await Cli.RunAsync(["show", run.Id, "--store", h.StorePath]);
        Assert.True(showCode == 0, shown);
        Assert.Contains("gauss-sum", shown, StringComparison.Ordinal);
        var (detailCode, detail) = await Cli.RunAsync(["show", run.Id, "gauss-sum", "--store", h.StorePath]);
        Assert.True(detailCode == 0, detail);
        Assert.Contains("Natural-language proof", detail, StringComparison.Ordinal);

        var (exportCode, exported) = await Cli.RunAsync(["export", run.Id, "--jsonl", "--store", h.StorePath]);
        Assert.True(exportCode == 0, exported);
        Assert.Equal(1 + 1 + attempts.Count + 6 + 6 + 3, exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var (recheckCode, rechecked) = await Cli.RunAsync(["recheck", run.Id, "--store", h.StorePath]);
        Assert.True(recheckCode == 0, rechecked);
        Assert.Equal(6, h.Store.Checks(run.Id, pass: 1).Count);
    }
}

/// <summary>A fact that runs only when the tiny GGUF is in the shared folder, and says why it is skipped otherwise.</summary>
public sealed class RequiresFileFactAttribute : FactAttribute
{
    public RequiresFileFactAttribute(string which)
    {
        if (which == "tiny" && !File.Exists(RepoPaths.TinyModel))
        {
            Skip = $"The tiny GGUF is not at {RepoPaths.TinyModel}; this test runs real llama.cpp when it is.";
        }
    }
}
