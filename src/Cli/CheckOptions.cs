using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ProofCheck.Cli;

/// <summary>The options every <c>check</c> command shares, created fresh for each command.</summary>
internal sealed class CheckOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document (see README, \"JSON output\") instead of a table." };

    public Option<double?> Timeout { get; } = new("--timeout") { Description = "Time limit per obligation, in seconds.", CustomParser = Seconds };

    public Option<bool> NoSandbox { get; } = new("--no-sandbox") { Description = "Run checkers without the bubblewrap sandbox (recorded with every result). Only for trusted input." };

    /// <summary>Reads "10" or "2.5"; anything else is a usage error that says what was expected.</summary>
    private static double? Seconds(ArgumentResult result)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (token is not null && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        result.AddError($"--timeout expects a number of seconds, such as 10 or 2.5 (got '{token}').");
        return null;
    }

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
