using ProofCheck.Execution;

namespace ProofCheck.Execution.Tests;

public sealed class ProcessRunnerSpecs
{
    [Fact]
    public async Task Stdin_is_delivered_and_stdout_and_stderr_are_captured_separately()
    {
        var result = await ProcessRunner.RunAsync(new ProcessCommand("sh")
            .WithArguments("-c", "cat; echo oops >&2; exit 3")
            .WithStandardInput("hello\nworld\n"));

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("hello\nworld\n", result.StandardOutput);
        Assert.Equal("oops\n", result.StandardError);
        Assert.False(result.TimedOut);
    }

    [Fact]
    public async Task A_missing_program_is_a_clear_start_error()
    {
        var e = await Assert.ThrowsAsync<ProcessStartException>(() => ProcessRunner.RunAsync(new ProcessCommand("no-such-program-proofcheck")));
        Assert.Contains("not found on PATH", e.Message);
    }

    [Fact]
    public async Task Large_stdout_and_stderr_at_once_do_not_deadlock()
    {
        var result = await ProcessRunner.RunAsync(new ProcessCommand("sh")
            .WithArguments("-c", "head -c 300000 /dev/zero | tr '\\0' a; head -c 300000 /dev/zero | tr '\\0' b >&2")
            .WithTimeout(TimeSpan.FromSeconds(30)));

        Assert.False(result.TimedOut);
        Assert.Equal(300_000, result.StandardOutput.Length);
        Assert.Equal(300_000, result.StandardError.Length);
    }

    [Fact]
    public async Task A_flood_of_output_is_capped_and_the_cap_is_reported()
    {
        var result = await ProcessRunner.RunAsync(new ProcessCommand("head")
            .WithArguments("-c", "50000000", "/dev/zero")
            .WithOutputLimit(1024 * 1024)
            .WithTimeout(TimeSpan.FromSeconds(30)));

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.StandardOutputTruncated);
        Assert.Equal(1024 * 1024, result.StandardOutput.Length);
    }

    [Fact]
    public async Task A_child_that_ignores_its_input_does_not_hang_the_runner()
    {
        var result = await ProcessRunner.RunAsync(new ProcessCommand("true")
            .WithStandardInput(new string('x', 5_000_000))
            .WithTimeout(TimeSpan.FromSeconds(30)));

        Assert.Equal(0, result.ExitCode);
        Assert.False(result.TimedOut);
    }

    [Fact]
    public async Task Environment_and_working_directory_are_applied()
    {
        var dir = Directory.CreateTempSubdirectory("pc-env-");
        try
        {
            var result = await ProcessRunner.RunAsync(new ProcessCommand("sh")
                .WithArguments("-c", "echo \"$PC_TEST_VAR\"; pwd")
                .WithEnvironment("PC_TEST_VAR", "value with spaces")
                .WithWorkingDirectory(dir.FullName));

            Assert.Equal($"value with spaces\n{dir.FullName}\n", result.StandardOutput);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
