using ProofCheck.Execution;

namespace ProofCheck.Execution.Tests;

/// <summary>What a hostile checker input meets inside the sandbox. Runs wherever bubblewrap works (CI installs it).</summary>
public sealed class SandboxSpecs : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pc-sandbox-");

    public void Dispose() => _dir.Delete(recursive: true);

    private ProcessCommand Sh(string script) =>
        new ProcessCommand("sh").WithArguments("-c", script).WithSandbox(new SandboxPolicy(_dir.FullName)).WithTimeout(TimeSpan.FromSeconds(30));

    [Fact]
    public void The_sandbox_is_available_on_this_machine()
    {
        Assert.True(Sandbox.IsAvailable, Sandbox.WhyUnavailable);
    }

    [Fact]
    public async Task There_is_no_network_but_loopback()
    {
        var result = await ProcessRunner.RunAsync(Sh("tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("lo", result.StandardOutput.Trim());
        Assert.True(result.Sandboxed);
    }

    [Fact]
    public async Task The_system_is_read_only_and_only_the_work_folder_is_writable()
    {
        var result = await ProcessRunner.RunAsync(Sh("touch /usr/pc-probe 2>/dev/null && echo usr-writable; echo ok > out.txt && cat out.txt"));

        Assert.Equal("ok", result.StandardOutput.Trim());
        Assert.Equal("ok\n", File.ReadAllText(Path.Combine(_dir.FullName, "out.txt")));
    }

    [Fact]
    public async Task A_program_on_huge_pages_reads_the_kernels_huge_page_settings_and_nothing_else_of_sys()
    {
        var settings = HugePages.KernelSettings + "/enabled";
        var script = $"echo \"tunables=$GLIBC_TUNABLES\"; echo \"sys=$(ls /sys | tr '\\n' ,)\"; cat {settings} >/dev/null 2>&1 && echo readable; echo never > {settings} 2>/dev/null && echo written; ls /sys/class 2>/dev/null && echo class-visible; true";

        var plain = await ProcessRunner.RunAsync(Sh(script));
        var onHugePages = await ProcessRunner.RunAsync(Sh(script).WithHugePages());

        Assert.DoesNotContain("readable", plain.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("tunables=glibc.malloc.hugetlb=1", onHugePages.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("sys=kernel,\n", onHugePages.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(File.Exists(settings), onHugePages.StandardOutput.Contains("readable", StringComparison.Ordinal));
        Assert.DoesNotContain("written", onHugePages.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("class-visible", onHugePages.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_outside_the_work_folder_are_invisible()
    {
        var outside = Directory.CreateTempSubdirectory("pc-outside-");
        try
        {
            File.WriteAllText(Path.Combine(outside.FullName, "secret.txt"), "secret");
            var result = await ProcessRunner.RunAsync(Sh($"cat '{outside.FullName}/secret.txt' || echo hidden"));

            Assert.DoesNotContain("secret", result.StandardOutput);
            Assert.Contains("hidden", result.StandardOutput);
        }
        finally
        {
            outside.Delete(true);
        }
    }

    [Fact]
    public async Task The_memory_limit_stops_a_runaway_allocation()
    {
        var policy = new SandboxPolicy(_dir.FullName) { MemoryLimitBytes = 256L * 1024 * 1024 };
        var result = await ProcessRunner.RunAsync(new ProcessCommand("/usr/bin/python3")
            .WithArguments("-c", "x = bytearray(1024 * 1024 * 1024); print('allocated')")
            .WithSandbox(policy)
            .WithTimeout(TimeSpan.FromSeconds(30)));

        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("allocated", result.StandardOutput);
        Assert.Contains("MemoryError", result.StandardError);
    }

    [Fact]
    public async Task A_sandboxed_timeout_kills_everything_inside()
    {
        // A duration no other process on the machine uses, so the survivors can be found by their command line.
        var marker = "3" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = await ProcessRunner.RunAsync(Sh($"sleep {marker} & (sleep {marker} &); sleep {marker} & wait").WithTimeout(TimeSpan.FromMilliseconds(800)));

        Assert.True(result.TimedOut);
        Assert.True(result.Duration < TimeSpan.FromSeconds(10));
        await AssertNoProcessRunsAsync("sleep\0" + marker);
    }

    private static async Task AssertNoProcessRunsAsync(string commandLine)
    {
        // A zombie has an empty command line, so only processes really alive are counted.
        var alive = new List<string>();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            alive = [.. Directory.EnumerateDirectories("/proc")
                .Where(d => int.TryParse(Path.GetFileName(d), out _))
                .Where(d =>
                {
                    try
                    {
                        return File.ReadAllText(Path.Combine(d, "cmdline")).Contains(commandLine, StringComparison.Ordinal);
                    }
                    catch (IOException)
                    {
                        return false;
                    }
                    catch (UnauthorizedAccessException)
                    {
                        return false;
                    }
                })
                .Select(d => Path.GetFileName(d))];
            if (alive.Count == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"processes survived the sandbox's kill: {string.Join(", ", alive)}");
    }
}
