using System.Diagnostics;
using ProofCheck.Models.Replay;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Store;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>A run stopped at any point and resumed ends with exactly the store an uninterrupted run has.</summary>
public sealed class ResumeSpecs
{
    [RequiresToolFact("z3")]
    public async Task A_cancelled_run_resumed_stores_exactly_what_an_uninterrupted_run_stores()
    {
        await using var reference = new RunHarness();
        var replay = Path.Combine(reference.Folder, "replay.jsonl");
        var uninterrupted = await ReplayScript.RecordAsync(reference, replay);
        var expected = await ReplayScript.ExportAsync(reference, uninterrupted.Id);

        await using var h = new RunHarness();
        var run = h.Create(ReplayScript.Config());
        using var cts = new CancellationTokenSource();
        var first = new ReplayChatClient(ReplayFile.Load(replay));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new RunEngine(h.Store, first, h.Checkers, new CancelAfterAttempts(5, cts)).ExecuteAsync(run, workers: 2, cts.Token));
        Assert.Equal(RunInfo.Interrupted, h.Store.GetRun(run.Id).Status);
        var storedBefore = h.Store.Attempts(run.Id).Count;
        Assert.InRange(storedBefore, 5, 11);

        var second = new ReplayChatClient(ReplayFile.Load(replay));
        await new RunEngine(h.Store, second, h.Checkers).ExecuteAsync(h.Store.GetRun(run.Id), workers: 2, CancellationToken.None);

        Assert.Equal(expected, await ReplayScript.ExportAsync(h, run.Id));
        Assert.Equal(RunInfo.Finished, h.Store.GetRun(run.Id).Status);
        // The resumed engine asked the model only for what was missing.
        Assert.Equal(storedBefore, second.Remaining);
    }

    [RequiresToolFact("z3")]
    public async Task A_CLI_run_killed_with_SIGKILL_and_resumed_equals_an_uninterrupted_CLI_run()
    {
        // The killed process cannot say so itself: the store sees that the run's process is gone.
        await StopResumeAndCompareAsync("KILL", (run, code, output) => Assert.Equal(RunInfo.Interrupted, run.Status));
    }

    [RequiresToolFact("z3")]
    public async Task A_CLI_run_stopped_with_Ctrl_C_says_how_to_resume_and_resumed_equals_an_uninterrupted_CLI_run()
    {
        await StopResumeAndCompareAsync("INT", (run, code, output) =>
        {
            Assert.Equal(130, code);
            Assert.Equal(RunInfo.Interrupted, run.Status);
            Assert.Contains($"proofcheck run --resume {run.Id}", output, StringComparison.Ordinal);
        });
    }

    private static async Task StopResumeAndCompareAsync(string signal, Action<RunInfo, int, string> afterStop)
    {
        await using var reference = new RunHarness();
        var replay = Path.Combine(reference.Folder, "replay.jsonl");
        await ReplayScript.RecordAsync(reference, replay);

        await using var whole = new RunHarness();
        var args = RunArguments(replay);
        var (code, output) = await ProofCheckCli.RunAsync([.. args, "--store", whole.StorePath]);
        Assert.True(code is 0 or 1, output);
        var wholeRun = whole.Store.Runs().Single();
        var expected = await ReplayScript.ExportAsync(whole, wholeRun.Id);

        await using var stopped = new RunHarness();
        int stopCode;
        string stopOutput;
        using (var process = ProofCheckCli.Start([.. args, "--store", stopped.StorePath]))
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await stopped.WaitForStoredAttemptsAsync(process, 3);

            Assert.False(process.HasExited, "the run finished before it could be stopped");
            Signals.Send(process, signal);

            await process.WaitForExitAsync();
            stopCode = process.ExitCode;
            stopOutput = await stdout + await stderr;
        }

        var run = stopped.Store.Runs().Single();
        afterStop(run, stopCode, stopOutput);
        Assert.True(stopped.Store.Attempts(run.Id).Count < whole.Store.Attempts(wholeRun.Id).Count);

        var (resumeCode, resumeOutput) = await ProofCheckCli.RunAsync(["run", "--resume", run.Id, "--store", stopped.StorePath]);
        Assert.True(resumeCode == code, resumeOutput);
        Assert.Equal(expected, await ReplayScript.ExportAsync(stopped, run.Id));
    }

    private static string[] RunArguments(string replay) =>
        ["run", .. ReplayScript.Problems, "--model", "replay:" + replay, "--targets", "smt", "--rounds", "1", "--workers", "1", "--dir", RepoPaths.Problems];
}
