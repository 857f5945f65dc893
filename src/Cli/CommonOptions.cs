using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ProofCheck.Core;
using ProofCheck.Models;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Cli;

/// <summary>
/// The options several commands share, each defined once here so its name, meaning and checks are the same
/// everywhere. Every call returns a fresh instance (an option belongs to one command).
/// </summary>
internal static class CommonOptions
{
    /// <summary>The longest time limit a command accepts (one day), so a typo cannot mean "never stop".</summary>
    public const double MaxSeconds = 86_400;

    /// <summary><c>--dir</c>, the problems folder (<c>--problems-dir</c> still works, with a note, as the old name in <c>check</c>).</summary>
    public static RenamedOption<string> ProblemsDirectory(string description = "The problems folder (one sub-folder per problem).") =>
        new(new Option<string>("--dir") { Description = description, DefaultValueFactory = _ => "problems" }, new Option<string>("--problems-dir"));

    /// <summary><c>--workers</c> / <c>-j</c>, how much runs at once (<c>--jobs</c> still works, with a note, as the old name in <c>problems validate</c>).</summary>
    public static RenamedOption<int> Workers(string description, Func<int> defaultValue) =>
        new(new Option<int>("--workers", "-j") { Description = description, DefaultValueFactory = _ => defaultValue() }, new Option<int>("--jobs"));

    /// <summary><c>--timeout</c>: seconds, a number such as 10 or 2.5; read it with <see cref="Seconds"/>.</summary>
    public static Option<double?> Timeout(string description) => new("--timeout") { Description = description, CustomParser = ParseSeconds };

    /// <summary><c>--timeout</c> for commands that run every target (run, serve): each target's default is named in --help.</summary>
    public static Option<double?> CheckerTimeout() =>
        Timeout("Checker time limit in seconds, for every target (default: each target's own: "
            + string.Join(", ", CheckTargets.All.Select(t => $"{t.Name} {t.DefaultTimeout.TotalSeconds:0}")) + ").");

    public static Option<bool> NoSandbox(string description = "Run checkers without the bubblewrap sandbox (recorded with every result). Only for trusted input.") =>
        new("--no-sandbox") { Description = description };

    public static Option<bool> Json(string description) => new("--json") { Description = description };

    public static Option<string?> Model() =>
        new("--model", "-m") { Description = "GGUF path, ollama:NAME, openai:NAME, URL#NAME or replay:FILE (default: $" + ModelSelector.ModelVariable + ")." };

    public static Option<string?> Template() =>
        new("--template") { Description = "Embedded model only: a built-in chat template (chatml, llama3, …) for GGUF files without one." };

    public static Option<bool> Pull() =>
        new("--pull") { Description = "Ollama only: pull the model (with a progress bar) if the server does not have it." };

    /// <summary>The <c>--timeout</c> given, checked (more than 0, at most a day); null when none was given.</summary>
    public static TimeSpan? Seconds(ParseResult parse, Option<double?> option)
    {
        var seconds = parse.GetValue(option);
        if (seconds is null)
        {
            return null;
        }

        if (seconds <= 0 || double.IsNaN(seconds.Value) || seconds > MaxSeconds)
        {
            throw new UserInputException($"{option.Name} must be a number of seconds between 0 and {MaxSeconds:0} (got {seconds.Value.ToString(CultureInfo.InvariantCulture)}).");
        }

        return TimeSpan.FromSeconds(seconds.Value);
    }

    /// <summary>The <c>--timeout</c> given, checked like <see cref="Seconds"/> and rounded up to whole seconds (as runs store it).</summary>
    public static int? WholeSeconds(ParseResult parse, Option<double?> option) =>
        Seconds(parse, option) is { } limit ? (int)Math.Ceiling(limit.TotalSeconds) : null;

    /// <summary>Reads "10" or "2.5"; anything else is a usage error that says what was expected.</summary>
    private static double? ParseSeconds(ArgumentResult result)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (token is not null && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        result.AddError($"--timeout expects a number of seconds, such as 10 or 2.5 (got '{token}').");
        return null;
    }
}

/// <summary>
/// An option with a new name and its old one. The old name is hidden from help but still works, with a note on
/// stderr that says which name to use; giving both is a usage error.
/// </summary>
internal sealed class RenamedOption<T>
{
    public RenamedOption(Option<T> current, Option<T> old)
    {
        Current = current;
        Old = old;
        Old.Hidden = true;
        Old.Description = $"Old name of {current.Name}.";
    }

    public Option<T> Current { get; }

    public Option<T> Old { get; }

    public string Name => Current.Name;

    public void AddTo(Command command)
    {
        command.Options.Add(Current);
        command.Options.Add(Old);
    }

    /// <summary>True when the user gave the option under either name.</summary>
    public bool Given(ParseResult parse) => parse.GetResult(Current) is { Implicit: false } || parse.GetResult(Old) is { Implicit: false };

    public T GetValue(ParseResult parse)
    {
        if (parse.GetResult(Old) is not { Implicit: false })
        {
            return parse.GetValue(Current)!;
        }

        if (parse.GetResult(Current) is { Implicit: false })
        {
            throw new UserInputException($"{Old.Name} is the old name of {Current.Name}; give only {Current.Name}.");
        }

        Console.Error.WriteLine($"note: {Old.Name} is deprecated; use {Current.Name}.");
        return parse.GetValue(Old)!;
    }
}
