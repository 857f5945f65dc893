using System.Text.RegularExpressions;
using ProofCheck.TestSupport;

namespace ProofCheck.Cli.Tests;

/// <summary>
/// Every command of the real CLI, found from the root's own help (so a new command is covered the day it is added):
/// its --help works, describes the command and each option, and never shows an internal error.
/// </summary>
public sealed partial class HelpSpecs
{
    [Fact]
    public async Task Every_command_has_help_that_describes_it_and_every_option()
    {
        var commands = await CliHelp.CommandsAsync();
        Assert.Contains("run", commands);
        Assert.Contains("runs delete", commands);
        Assert.Contains("check smt", commands);
        foreach (var command in commands)
        {
            var (code, help) = await ProofCheckCli.RunAsync([.. command.Split(' '), "--help"]);
            Assert.True(code == 0, $"{command} --help: {help}");
            Assert.Contains("Description:", help, StringComparison.Ordinal);
            Assert.Contains($"proofcheck {command}", help, StringComparison.Ordinal);
            // Each option line has a description after the option names.
            foreach (var line in CliHelp.OptionLines(help))
            {
                Assert.True(OptionWithText().IsMatch(line), $"{command}: option without a description: {line}");
            }
        }
    }

    [Fact]
    public async Task Run_help_explains_how_to_size_the_token_budget_for_reasoning_models_and_the_exit_codes()
    {
        var (code, help) = await ProofCheckCli.RunAsync(["run", "--help"]);
        Assert.Equal(0, code);
        Assert.Contains("16384", help, StringComparison.Ordinal);
        Assert.Contains("Reasoning models", help, StringComparison.Ordinal);
        Assert.Contains("truncated", help, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 every target of every problem Verified; 1", help, StringComparison.Ordinal);
        Assert.Contains("--allow-model-change", help, StringComparison.Ordinal);
    }

    // Option names, then at least two spaces, then words.
    [GeneratedRegex(@"^\s+-.*?\S\s{2,}\S")]
    private static partial Regex OptionWithText();
}
