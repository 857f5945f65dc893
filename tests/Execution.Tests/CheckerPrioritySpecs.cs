using ProofCheck.Execution;

namespace ProofCheck.Execution.Tests;

/// <summary>
/// Checkers yield the CPU to a generating model: they run below the caller's priority, both as a process and as the
/// scheduling group their own session forms (tools/bench/LlamaBench measures what that buys); without a model they do not.
/// </summary>
public sealed class CheckerPrioritySpecs : IDisposable
{
    private const string Report = "echo nice=$(nice); cat /proc/self/autogroup 2>/dev/null || echo no-autogroup; echo \"args=$#:$1|$2\"";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pc-priority-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_checker_runs_at_its_priority_with_its_arguments_untouched(bool sandboxed)
    {
        var command = new ProcessCommand("sh").WithArguments("-c", Report, "sh", "a b", "$(echo no)").WithNiceness(CheckerPriority.DefaultNiceness).WithTimeout(TimeSpan.FromSeconds(30));
        var result = await ProcessRunner.RunAsync(sandboxed ? command.WithSandbox(new SandboxPolicy(_dir.FullName)) : command);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // nice adds to the caller's own value (a test run may itself be niced).
        Assert.Equal($"nice={Math.Min(19, await CallersNicenessAsync() + CheckerPriority.DefaultNiceness)}", lines[0]);
        if (lines[1] != "no-autogroup")
        {
            Assert.EndsWith($" nice {CheckerPriority.DefaultNiceness}", lines[1]);
        }

        Assert.Equal("args=2:a b|$(echo no)", lines[2]);
    }

    [Fact]
    public async Task Without_a_model_to_yield_to_checkers_keep_the_callers_priority()
    {
        var own = File.ReadAllText("/proc/self/stat").Split(") ")[1].Split(' ')[16];

        Assert.Equal(int.Parse(own, System.Globalization.CultureInfo.InvariantCulture), await CallersNicenessAsync());
    }

    private static async Task<int> CallersNicenessAsync()
    {
        // AsChecker: nothing in this test process generates, so no yielding was asked for.
        var result = await ProcessRunner.RunAsync(new ProcessCommand("nice").AsChecker().WithTimeout(TimeSpan.FromSeconds(30)));
        return int.Parse(result.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_checker_keeps_its_exit_code_through_the_priority_shim()
    {
        var result = await ProcessRunner.RunAsync(new ProcessCommand("sh").WithArguments("-c", "exit 7").WithNiceness(CheckerPriority.DefaultNiceness).WithTimeout(TimeSpan.FromSeconds(30)));

        Assert.Equal(7, result.ExitCode);
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData("0", 0)]
    [InlineData("19", 19)]
    [InlineData("20", 10)]
    [InlineData("-5", 10)]
    [InlineData("high", 10)]
    public void The_setting_takes_0_to_19_and_falls_back_to_the_default(string? value, int expected)
    {
        Assert.Equal(expected, CheckerPriority.Read(value));
    }
}
