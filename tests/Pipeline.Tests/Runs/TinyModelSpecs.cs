using ProofCheck.Core;
using ProofCheck.Pipeline.Store;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>The tiny random GGUF through real llama.cpp and the real CLI: its gibberish is stored and judged, nothing crashes.</summary>
public sealed class TinyModelSpecs
{
    [RequiresFileFact("tiny")]
    public async Task The_tiny_model_runs_end_to_end_and_its_cut_off_gibberish_is_stored_as_truncated_shown_exported_and_never_checked()
    {
        await using var h = new RunHarness();
        var (code, output) = await ProofCheckCli.RunAsync(
        [
            "run", "gauss-sum", "--model", RepoPaths.TinyModel, "--template", "chatml", "--context", "2048", "--threads", "1",
            "--targets", "coq,smt,lean", "--rounds", "1", "--max-tokens", "48", "--workers", "1",
            "--dir", RepoPaths.Problems, "--store", h.StorePath,
        ]);
        // Gibberish verifies nothing: the run ends with exit code 1 ("not every target Verified").
        Assert.True(code == 1, output);

        var run = h.Store.Runs().Single();
        Assert.Equal(RunInfo.Finished, run.Status);
        // The random model never ends its answer: 48 tokens of gibberish stop at the limit, and a proof cut off
        // is stored as truncated, never formalized or checked.
        var prove = Assert.Single(h.Store.Attempts(run.Id));
        Assert.Equal(Stages.Prove, prove.Key.Stage);
        Assert.Equal(AnswerStatus.Truncated, prove.Answer);
        Assert.Equal("length", prove.FinishReason);
        Assert.Equal(48, prove.OutputTokens);
        Assert.Equal(48, prove.Sampling!.MaxTokens);
        Assert.Equal(RepoPaths.TinyModel, prove.Model);
        Assert.Empty(h.Store.Checks(run.Id));
        Assert.Contains("1 truncated", output, StringComparison.Ordinal);

        var (showCode, shown) = await ProofCheckCli.RunAsync(["show", run.Id, "--store", h.StorePath]);
        Assert.True(showCode == 0, shown);
        Assert.Contains("prove: answer truncated at the token limit", shown, StringComparison.Ordinal);
        var (detailCode, detail) = await ProofCheckCli.RunAsync(["show", run.Id, "gauss-sum", "--store", h.StorePath]);
        Assert.True(detailCode == 0, detail);
        Assert.Contains("answer truncated at the token limit: stored, not formalized or checked", detail, StringComparison.Ordinal);

        var (exportCode, exported) = await ProofCheckCli.RunAsync(["export", run.Id, "--jsonl", "--store", h.StorePath]);
        Assert.True(exportCode == 0, exported);
        Assert.Contains("\"answer\":\"Truncated\"", exported, StringComparison.Ordinal);

        var (recheckCode, rechecked) = await ProofCheckCli.RunAsync(["recheck", run.Id, "--store", h.StorePath]);
        Assert.True(recheckCode == 0, rechecked);
        Assert.Empty(h.Store.Checks(run.Id));
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
