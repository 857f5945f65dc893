using System.CommandLine;

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
}
