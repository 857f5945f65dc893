using ProofCheck.Execution;

namespace ProofCheck.Execution.Tests;

/// <summary>Timeouts and cancellation must leave no process behind, including orphaned grandchildren.</summary>
public sealed class ProcessTreeSpecs : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pc-tree-");

    public void Dispose() => _dir.Delete(recursive: true);

    // The script starts a grandchild whose parent (a subshell) exits at once, so the grandchild is orphaned:
    // exactly the shape of lake -> lean or make -> coqc that Process.Kill(entireProcessTree) misses.
    private ProcessCommand TreeCommand(string pidFile) => new ProcessCommand("sh")
        .WithArguments("-c", $"(sleep 300 & echo $! > '{pidFile}'); sleep 300 & wait");

    [Fact]
    public async Task A_timeout_kills_the_whole_tree_and_is_reported_as_timed_out()
    {
        var pidFile = Path.Combine(_dir.FullName, "grandchild.pid");

        var result = await ProcessRunner.RunAsync(TreeCommand(pidFile).WithTimeout(TimeSpan.FromMilliseconds(700)));

        Assert.True(result.TimedOut);
        Assert.True(result.Duration < TimeSpan.FromSeconds(10));
        AssertGone(await ReadPidAsync(pidFile));
    }

    [Fact]
    public async Task Cancellation_kills_the_whole_tree_and_throws()
    {
        var pidFile = Path.Combine(_dir.FullName, "grandchild.pid");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessRunner.RunAsync(TreeCommand(pidFile), cts.Token));

        AssertGone(await ReadPidAsync(pidFile));
    }

    [Fact]
    public async Task Killing_an_interactive_process_kills_its_children()
    {
        var pidFile = Path.Combine(_dir.FullName, "grandchild.pid");
        await using var process = InteractiveProcess.Start(TreeCommand(pidFile));
        var pid = await ReadPidAsync(pidFile);

        process.Kill();

        AssertGone(pid);
    }

    private static async Task<int> ReadPidAsync(string pidFile)
    {
        for (var i = 0; i < 100 && !(File.Exists(pidFile) && new FileInfo(pidFile).Length > 0); i++)
        {
            await Task.Delay(50);
        }

        return int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AssertGone(int pid)
    {
        // A killed process can linger as a zombie for a moment until reaped; wait for it to leave or become one.
        for (var i = 0; i < 100; i++)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat) || File.ReadAllText(stat).Split(' ')[2] == "Z")
            {
                return;
            }

            Thread.Sleep(50);
        }

        Assert.Fail($"process {pid} survived the kill");
    }
}
