using ProofCheck.Pipeline.Store;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>
/// A run keeps the settings it was started with: <c>--resume</c> restores them, refuses different ones, and a run
/// is worked on by one process at a time. All through the real CLI.
/// </summary>
public sealed class RunSettingsSpecs
{
    private static string[] TinyRun(string store) =>
    [
        "run", .. ReplayScript.Problems, "--model", RepoPaths.TinyModel, "--template", "chatml", "--threads", "1", "--context", "2048",
        "--targets", "smt", "--rounds", "1", "--max-tokens", "300", "--workers", "1", "--dir", RepoPaths.Problems, "--store", store,
    ];

    [RequiresFileFact("tiny")]
    public async Task A_killed_run_on_a_template_less_GGUF_resumes_with_no_options_and_equals_an_uninterrupted_run()
    {
        await using var whole = new RunHarness();
        var (code, output) = await ProofCheckCli.RunAsync(TinyRun(whole.StorePath));
        Assert.True(code is 0 or 1, output);
        var wholeRun = whole.Store.Runs().Single();
        var expected = await ReplayScript.ExportAsync(whole, wholeRun.Id);

        await using var killed = new RunHarness();
        using (var process = ProofCheckCli.Start(TinyRun(killed.StorePath)))
        {
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            await killed.WaitForStoredAttemptsAsync(process, 1);

            Assert.False(process.HasExited, "the run finished before it could be killed");
            process.Kill();
            await process.WaitForExitAsync();
            await drain;
        }

        var run = killed.Store.Runs().Single();
        Assert.Equal(RunInfo.Interrupted, run.Status);
        Assert.True(killed.Store.Attempts(run.Id).Count < whole.Store.Attempts(wholeRun.Id).Count);

        // No --template, --threads or --context: the stored ones are used (without them this GGUF cannot answer).
        var (resumeCode, resumeOutput) = await ProofCheckCli.RunAsync(["run", "--resume", run.Id, "--store", killed.StorePath]);
        Assert.True(resumeCode == code, resumeOutput);
        Assert.Equal(expected, await ReplayScript.ExportAsync(killed, run.Id));

        var (_, shown) = await ProofCheckCli.RunAsync(["show", run.Id, "--store", killed.StorePath]);
        Assert.Contains("--template chatml", shown, StringComparison.Ordinal);
        Assert.Contains("--threads 1", shown, StringComparison.Ordinal);
        Assert.Contains("--context 2048", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resume_with_a_different_setting_is_refused_naming_both_values()
    {
        await using var h = new RunHarness();
        var run = h.Create(RunHarness.Config("gauss-sum", "smt") with { Template = "chatml", MaxTokens = 512 });
        h.Store.SetStatus(run.Id, RunInfo.Interrupted);

        var (code, output) = await ProofCheckCli.RunAsync(["run", "--resume", run.Id, "--max-tokens", "1024", "--store", h.StorePath]);
        Assert.True(code == 2, output);
        Assert.Contains("--max-tokens 1024 (the run was started with 512)", output, StringComparison.Ordinal);

        var (templateCode, templateOutput) = await ProofCheckCli.RunAsync(["run", "--resume", run.Id, "--template", "llama3", "--store", h.StorePath]);
        Assert.True(templateCode == 2, templateOutput);
        Assert.Contains("--template llama3 (the run was started with chatml)", templateOutput, StringComparison.Ordinal);
        Assert.Contains("--allow-model-change", templateOutput, StringComparison.Ordinal);
        Assert.Empty(h.Store.Attempts(run.Id));
    }

    [Fact]
    public async Task A_resume_with_another_model_is_refused_unless_allowed_and_then_every_attempt_names_its_model()
    {
        await using var h = new RunHarness();
        var replay = Path.Combine(h.Folder, "replay.jsonl");
        await using (var reference = new RunHarness())
        {
            await ReplayScript.RecordAsync(reference, replay);
        }

        var run = h.Create(ReplayScript.Config() with { Model = "replay:" + Path.Combine(h.Folder, "missing.jsonl") });
        h.Store.SetStatus(run.Id, RunInfo.Interrupted);

        var (refusedCode, refused) = await ProofCheckCli.RunAsync(["run", "--resume", run.Id, "--model", "replay:" + replay, "--store", h.StorePath]);
        Assert.True(refusedCode == 2, refused);
        Assert.Contains("--model replay:" + replay, refused, StringComparison.Ordinal);
        Assert.Contains("--allow-model-change", refused, StringComparison.Ordinal);
        Assert.Empty(h.Store.Attempts(run.Id));

        var (code, output) = await ProofCheckCli.RunAsync(["run", "--resume", run.Id, "--model", "replay:" + replay, "--allow-model-change", "--store", h.StorePath]);
        Assert.True(code is 0 or 1, output);
        Assert.Equal("replay:" + replay, h.Store.GetRun(run.Id).Model);
        Assert.All(h.Store.Attempts(run.Id), a => Assert.Equal("replay:" + replay, a.Model));
    }

    [Fact]
    public async Task A_second_process_cannot_work_on_a_run_that_a_living_process_is_running()
    {
        await using var h = new RunHarness();
        // Created by this test process, which stays alive: to the CLI the run is taken.
        var run = h.Create(RunHarness.Config("gauss-sum", "smt"));
        Assert.Equal(RunInfo.Running, h.Store.GetRun(run.Id).Status);

        var (code, output) = await ProofCheckCli.RunAsync(["run", "--resume", run.Id, "--store", h.StorePath]);
        Assert.True(code == 2, output);
        Assert.Contains($"is being run by process {Environment.ProcessId}", output, StringComparison.Ordinal);
        Assert.Empty(h.Store.Attempts(run.Id));
        var (deleteCode, deleteOutput) = await ProofCheckCli.RunAsync(["runs", "delete", run.Id, "--store", h.StorePath]);
        Assert.True(deleteCode == 2, deleteOutput);
    }

    [Fact]
    public async Task A_run_held_by_a_process_on_another_host_is_never_taken_for_dead_by_its_pid_but_can_be_stolen()
    {
        await using var h = new RunHarness();
        var run = h.Create(RunHarness.Config("gauss-sum", "smt"));
        // A coordinator on another machine sharing this store; its pid is one that no longer lives here, so a
        // lock judged by pid alone (as before hosts were kept) would be taken for stale.
        using (var gone = System.Diagnostics.Process.Start("true"))
        {
            gone.WaitForExit();
            HoldElsewhere(h.StorePath, run.Id, "lab-node-7", gone.Id);
        }

        var held = h.Store.GetRun(run.Id);
        var (code, output) = await ProofCheckCli.RunAsync(["run", "--resume", run.Id, "--store", h.StorePath]);
        var (deleteCode, deleteOutput) = await ProofCheckCli.RunAsync(["runs", "delete", run.Id, "--store", h.StorePath]);
        var (_, stolen) = await ProofCheckCli.RunAsync(["run", "--resume", run.Id, "--steal", "--store", h.StorePath]);

        Assert.Equal(RunInfo.Running, held.Status);
        Assert.Equal("lab-node-7", held.OwnerHost);
        Assert.True(code == 2, output);
        Assert.Contains($"is being run by process {held.OwnerPid} on host lab-node-7", output, StringComparison.Ordinal);
        Assert.Contains($"proofcheck run --resume {run.Id} --steal", output, StringComparison.Ordinal);
        Assert.True(deleteCode == 2, deleteOutput);
        Assert.Contains("on host lab-node-7", deleteOutput, StringComparison.Ordinal);
        // Stolen: the lock no longer stops it (this run's scripted model cannot load in the CLI, which then releases the run).
        Assert.DoesNotContain("is being run by", stolen, StringComparison.Ordinal);
        Assert.Equal(RunInfo.Interrupted, h.Store.GetRun(run.Id).Status);
    }

    private static void HoldElsewhere(string store, string runId, string host, int pid)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE runs SET status = 'running', owner_pid = $pid, owner_started = NULL, owner_host = $host WHERE id = $id";
        cmd.Parameters.AddWithValue("$pid", pid);
        cmd.Parameters.AddWithValue("$host", host);
        cmd.Parameters.AddWithValue("$id", runId);
        Assert.Equal(1, cmd.ExecuteNonQuery());
    }

    [RequiresFileFact("tiny")]
    public async Task A_GGUF_without_a_chat_template_is_refused_before_a_run_exists()
    {
        await using var h = new RunHarness();
        var (code, output) = await ProofCheckCli.RunAsync(
            ["run", "gauss-sum", "--model", RepoPaths.TinyModel, "--targets", "smt", "--dir", RepoPaths.Problems, "--store", h.StorePath]);
        Assert.True(code == 2, output);
        Assert.Contains("has no chat template", output, StringComparison.Ordinal);
        Assert.Contains("--template", output, StringComparison.Ordinal);
        Assert.Empty(h.Store.Runs());
    }

    [Theory]
    [InlineData("--workers", "0", "--workers must be at least 1")]
    [InlineData("--model", "/nonexistent/model.gguf", "not found")]
    [InlineData("--timeout", "0", "--timeout must be a number of seconds between 0 and 86400")]
    [InlineData("--temperature", "3", "--temperature must be between 0 and 2")]
    public async Task Bad_settings_are_refused_before_a_run_exists(string option, string value, string message)
    {
        await using var h = new RunHarness();
        string[] model = option == "--model" ? [] : ["--model", "replay:" + Path.Combine(h.Folder, "none.jsonl")];
        var (code, output) = await ProofCheckCli.RunAsync(
            ["run", "gauss-sum", .. model, option, value, "--targets", "smt", "--dir", RepoPaths.Problems, "--store", h.StorePath]);
        Assert.True(code == 2, output);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", output, StringComparison.Ordinal);
        Assert.Empty(h.Store.Runs());
    }

    [Fact]
    public async Task No_model_chosen_is_a_clear_error_listing_the_ways_to_choose_one()
    {
        await using var h = new RunHarness();
        var (code, output) = await ProofCheckCli.RunAsync(
            ["run", "gauss-sum", "--targets", "smt", "--dir", RepoPaths.Problems, "--store", h.StorePath],
            new Dictionary<string, string?> { ["PROOFCHECK_MODEL"] = null });
        Assert.True(code == 2, output);
        Assert.Contains("No model was chosen", output, StringComparison.Ordinal);
        Assert.Contains("ollama:", output, StringComparison.Ordinal);
        Assert.Empty(h.Store.Runs());
    }

    [Fact]
    public async Task A_deleted_run_is_gone_with_everything_it_stored()
    {
        await using var h = new RunHarness();
        var replay = Path.Combine(h.Folder, "replay.jsonl");
        var run = await ReplayScript.RecordAsync(h, replay);
        var other = h.Create(RunHarness.Config("gauss-sum", "smt"));
        h.Store.SetStatus(other.Id, RunInfo.Interrupted);

        var (code, output) = await ProofCheckCli.RunAsync(["runs", "delete", run.Id, "--store", h.StorePath]);
        Assert.True(code == 0, output);
        Assert.Null(h.Store.FindRun(run.Id));
        Assert.Empty(h.Store.Attempts(run.Id));
        Assert.Empty(h.Store.Checks(run.Id));
        Assert.NotNull(h.Store.FindRun(other.Id));
    }
}
