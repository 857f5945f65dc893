using System.CommandLine;

namespace ProofCheck.Cli;

/// <summary>The options every <c>check</c> command shares, created fresh for each command.</summary>
internal sealed class CheckOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document (see README, \"JSON output\") instead of a table." };

    public Option<double?> Timeout { get; } = new("--timeout") { Description = "Time limit per obligation, in seconds." };

    public Option<bool> NoSandbox { get; } = new("--no-sandbox") { Description = "Run checkers without the bubblewrap sandbox (recorded with every result). Only for trusted input." };

    public void AddTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Timeout);
        command.Options.Add(NoSandbox);
    }

    /// <summary>The timeout the user asked for, validated; <paramref name="fallback"/> when none was given.</summary>
    public TimeSpan TimeoutFrom(ParseResult parse, TimeSpan fallback)
    {
        var seconds = parse.GetValue(Timeout);
        if (seconds is null)
        {
            return fallback;
        }

        if (seconds <= 0 || double.IsNaN(seconds.Value) || seconds > 86_400)
        {
            throw new Core.UserInputException($"--timeout must be a number of seconds between 0 and 86400 (got {seconds}).");
        }

        return TimeSpan.FromSeconds(seconds.Value);
    }
}
