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
}
