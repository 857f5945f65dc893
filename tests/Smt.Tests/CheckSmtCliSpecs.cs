using System.Diagnostics;
using System.Text.Json;
using ProofCheck.Execution;
using ProofCheck.TestSupport;

namespace ProofCheck.Smt.Tests;

/// <summary><c>proofcheck check smt</c> as a user runs it: the built command line, its exit codes and what it prints.</summary>
public sealed class CheckSmtCliSpecs() : FolderSpecs("proofcheck-cli-spec-")
{
    [RequiresSolversTheory]
    [InlineData(Samples.OddSquare, 0)]
    [InlineData(Samples.FalseStep, 1)]
    [InlineData(Samples.Vacuous, 1)]
    public async Task The_exit_code_says_whether_every_step_is_verified(string obligation, int exitCode)
    {
        var (code, _, _) = await RunAsync("check", "smt", Write(obligation));

        Assert.Equal(exitCode, code);
    }

    [Theory]
    [InlineData("(declare-const x Int)\n(assert (> x 1)\n(check-sat)\n", "4:1", "end of input")]
    [InlineData("(declare-const s String)\n(assert (= s \"no end))\n", "2:14", "unterminated string")]
    [InlineData("(declare-const |s Int)\n", "1:16", "unterminated quoted symbol")]
    public async Task A_file_that_is_not_smt_lib_exits_2_with_the_position_and_no_stack_trace(string text, string position, string mentions)
    {
        var (code, stdout, stderr) = await RunAsync("check", "smt", Write(text));

        Assert.Equal(2, code);
        Assert.Contains(position, stderr, StringComparison.Ordinal);
        Assert.Contains(mentions, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_million_nested_parentheses_exit_2_with_a_clear_message()
    {
        var (code, _, stderr) = await RunAsync("check", "smt", Write("(assert " + new string('(', 1_000_000) + new string(')', 1_000_000) + ")"));

        Assert.Equal(2, code);
        Assert.Contains("nested more than", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timeout", "abc", "expects a number of seconds")]
    [InlineData("--solver", "yices", "yices")]
    public async Task A_bad_option_value_exits_2_and_says_what_was_expected(string option, string value, string mentions)
    {
        var (code, stdout, stderr) = await RunAsync("check", "smt", Write(Samples.OddSquare), option, value);

        Assert.Equal(2, code);
        Assert.Contains(mentions, stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Nullable", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_given_as_the_file_is_called_a_directory()
    {
        var (code, _, stderr) = await RunAsync("check", "smt", Folder);

        Assert.Equal(2, code);
        Assert.Contains("is a directory", stderr, StringComparison.Ordinal);
    }

    [RequiresSolversFact]
    public async Task Control_characters_in_a_label_never_reach_the_terminal()
    {
        var (code, stdout, _) = await RunAsync("check", "smt", Write("; title \u001b]0;pwned\u0007 \u001b[31mred\n" + Samples.OddSquare.Split('\n', 2)[1]));

        Assert.Equal(0, code);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.DoesNotContain('\u0007', stdout);
        Assert.Contains("\\u001b", stdout, StringComparison.Ordinal);
    }

    [RequiresSolversFact]
    public async Task The_json_lists_each_steps_assumptions_and_no_statement_vetting()
    {
        var (code, stdout, _) = await RunAsync("check", "smt", Write(Samples.OddSquare), "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var step = json.RootElement.GetProperty("obligations")[0];
        Assert.Equal(["(= n (+ (* 2 k) 1))"], step.GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()));
        Assert.False(json.RootElement.TryGetProperty("statementVetted", out _));
    }

    private string Write(string text)
    {
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.smt2");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs the command line built beside this test project (same configuration).</summary>
    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var cli = Path.Combine(RepoPaths.Root, "src", "Cli", "bin", configuration, "net10.0", "proofcheck.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        if (!Sandbox.IsAvailable)
        {
            start.ArgumentList.Add("--no-sandbox");
        }

        start.Environment["COLUMNS"] = "250";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
