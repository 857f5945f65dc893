using ProofCheck.Execution;
using ProofCheck.TestSupport;

namespace ProofCheck.Execution.Tests;

/// <summary>
/// bubblewrap's die-with-parent follows the thread that started the sandbox: a long-lived solver or REPL started
/// from a thread that then ends must live on, whoever started it.
/// </summary>
public sealed class AnchorSpecs() : FolderSpecs("pc-anchor-")
{
    [Fact]
    public async Task A_sandboxed_process_outlives_the_short_lived_thread_that_started_it()
    {
        InteractiveProcess? process = null;
        var starter = new Thread(() => process = InteractiveProcess.Start(
            new ProcessCommand("cat").WithSandbox(new SandboxPolicy(Folder))));
        starter.Start();
        starter.Join();
        Assert.NotNull(process);
        await using var _ = process;

        // The parent-death signal arrives as soon as the starting thread is gone; give it time to land.
        await Task.Delay(500);
        await process.WriteAsync("still here\n");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var echoed = await process.ReadLineAsync(limit.Token);

        Assert.Equal("still here", echoed);
        Assert.False(process.HasExited);
    }

    [Fact]
    public async Task A_sandboxed_run_started_from_a_pool_thread_completes()
    {
        var result = await Task.Run(() => ProcessRunner.RunAsync(new ProcessCommand("sh")
            .WithArguments("-c", "sleep 1; echo done")
            .WithSandbox(new SandboxPolicy(Folder))
            .WithTimeout(TimeSpan.FromSeconds(30))));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("done", result.StandardOutput.Trim());
    }
}
