using System.CommandLine;
using ProofCheck.Core;

namespace ProofCheck.Cli;

/// <summary>The options every <c>check</c> command (and <c>problems validate</c>) shares, created fresh for each command.</summary>
/// <param name="defaultTimeout">The time limit when --timeout is not given (shown in --help).</param>
internal sealed class CheckOptions(TimeSpan defaultTimeout)
{
    public Option<bool> Json { get; } = CommonOptions.Json("Print one JSON document (see README, \"JSON output\") instead of a table.");

    public Option<double?> Timeout { get; } = CommonOptions.Timeout($"Time limit in seconds (default {defaultTimeout.TotalSeconds:0}; what it limits: the checker's README).");

    public Option<bool> NoSandbox { get; } = CommonOptions.NoSandbox();

    public void AddTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Timeout);
        command.Options.Add(NoSandbox);
    }

    /// <summary>The timeout the user asked for, validated; the default this command was made with when none was given.</summary>
    public TimeSpan TimeoutFrom(ParseResult parse) => CommonOptions.Seconds(parse, Timeout) ?? defaultTimeout;

    /// <summary><c>--problem ID</c>: the problem whose canonical statement (and rules) a proof is checked against.</summary>
    public static Option<string?> Problem(string description) => new("--problem") { Description = description };

    /// <summary><c>--statement FILE</c>: a canonical statement file of the user's own, instead of a problem's.</summary>
    public static Option<string?> Statement(string description) => new("--statement") { Description = description };

    /// <summary>A file named on the command line (<paramref name="what"/>: "proof", "statement"), read whole; a missing one or a folder is a usage error.</summary>
    public static async Task<string> ReadFileAsync(string path, string what, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UserInputException($"'{full}' is a directory; give one {what} file.");
        }

        if (!File.Exists(full))
        {
            throw new UserInputException($"The {what} file '{full}' does not exist.");
        }

        return await File.ReadAllTextAsync(full, cancellationToken).ConfigureAwait(false);
    }
}
