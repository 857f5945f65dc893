using System.CommandLine;

namespace ProofCheck.Cli.Commands;

/// <summary><c>proofcheck check smt|coq|lean FILE</c>: one checker on one artifact, same envelope and exit codes for all.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var check = new Command("check", "Check one artifact with one checker. Exit codes: 0 all Verified, 1 something not verified, 2 bad input or usage, 3 a needed checker is unavailable.");
        // One line per checker; each lives in its own file.
        check.Subcommands.Add(CheckLeanCommand.Create());
        check.Subcommands.Add(CheckCoqCommand.Create());
        check.Subcommands.Add(CheckSmtCommand.Create());
        return check;
    }
}
