using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ProofCheck.Core;
using ProofCheck.Models;
using ProofCheck.Pipeline.Runs;
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

    /// <summary><c>--workers</c> / <c>-j</c>, how much runs at once, at least 1 (<c>--jobs</c> still works, with a note, as the old name in <c>problems validate</c>).</summary>
    public static RenamedOption<int> Workers(string description, Func<int> defaultValue) =>
        new(
            new Option<int>("--workers", "-j") { Description = description, DefaultValueFactory = _ => defaultValue(), CustomParser = WholeNumber("--workers", n => n >= 1, "at least 1") },
            new Option<int>("--jobs") { CustomParser = WholeNumber("--workers", n => n >= 1, "at least 1", given: "--jobs") });

    /// <summary><c>--timeout</c>, a checker's time limit: seconds, a number such as 10 or 2.5; read it with <see cref="Seconds"/>.</summary>
    public static Option<double?> Timeout(string description) => new("--timeout") { Description = description, CustomParser = ParseSeconds("--timeout") };

    /// <summary>
    /// <c>--http-timeout</c>: how long an HTTP model server may take to start (and keep) answering, in seconds like
    /// <c>--timeout</c> but not a checker's limit, hence its own name (<c>chat --timeout</c> is its old name).
    /// </summary>
    public static RenamedOption<double?> HttpTimeout() =>
        new(
            new Option<double?>("--http-timeout") { Description = "HTTP models only: seconds to wait for the server to start (and keep) answering (default 600).", CustomParser = ParseSeconds("--http-timeout") },
            new Option<double?>("--timeout") { CustomParser = ParseSeconds("--http-timeout", given: "--timeout") });

    /// <summary><c>--threads</c>: the embedded model's CPU threads; 0, the default, leaves half the cores to the checkers.</summary>
    public static Option<int> Threads() => new("--threads")
    {
        Description = "Embedded model only: CPU threads while generating (0 = half the cores, leaving the rest to the checkers).",
        CustomParser = WholeNumber("--threads", n => n >= 0, "0 (half the cores) or more"),
    };

    /// <summary><c>--context</c>: the embedded model's context length in tokens.</summary>
    public static Option<int> Context() => new("--context")
    {
        Description = "Embedded model only: context length in tokens (0 = the model's trained length).",
        DefaultValueFactory = _ => new ModelSelectionOptions().ContextLength,
        CustomParser = WholeNumber("--context", n => n == 0 || n >= 256, "0 (the model's trained length) or at least 256"),
    };

    /// <summary><c>--max-tokens</c>: the longest answer, thinking included.</summary>
    public static Option<int> MaxTokens(string description) => new("--max-tokens")
    {
        Description = description,
        DefaultValueFactory = _ => RunConfig.DefaultMaxTokens,
        CustomParser = WholeNumber("--max-tokens", n => n >= 1, "at least 1"),
    };

    /// <summary><c>--temperature</c>: 0 to 2; none means the backend's own.</summary>
    public static Option<float?> Temperature() => new("--temperature")
    {
        Description = "Sampling temperature, 0 to 2 (0 = greedy; default: the backend's).",
        CustomParser = result => Number<float>("--temperature", result, float.TryParse, NumberStyles.Float, t => t is >= 0 and <= 2, "between 0 and 2"),
    };

    public static Option<int?> Seed(string description) => new("--seed") { Description = description };

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

    /// <summary>The time limit given (checked when the command line was read); null when none was given.</summary>
    public static TimeSpan? Seconds(ParseResult parse, Option<double?> option) =>
        parse.GetValue(option) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>The <c>--timeout</c> given, rounded up to whole seconds (as runs store it).</summary>
    public static int? WholeSeconds(ParseResult parse, Option<double?> option) =>
        Seconds(parse, option) is { } limit ? (int)Math.Ceiling(limit.TotalSeconds) : null;

    // The readers below check a value while the command line is read, so a bad one is refused before anything runs,
    // with the same words in every command. A value given under an old name is refused in terms of the new one.

    /// <summary>Reads "10" or "2.5" seconds, more than 0 and at most a day.</summary>
    private static Func<ArgumentResult, double?> ParseSeconds(string name, string? given = null) => result =>
        Number<double>(name, result, double.TryParse, NumberStyles.Float, s => s > 0 && s <= MaxSeconds, $"a number of seconds between 0 and {MaxSeconds:0}", "a number of seconds, such as 10 or 2.5", given);

    private static Func<ArgumentResult, int> WholeNumber(string name, Func<int, bool> allowed, string rule, string? given = null) => result =>
        Number<int>(name, result, int.TryParse, NumberStyles.Integer, allowed, rule, "a whole number", given) ?? 0;

    private delegate bool TryParse<T>(string? text, NumberStyles style, IFormatProvider provider, out T value);

    private static T? Number<T>(string name, ArgumentResult result, TryParse<T> parse, NumberStyles style, Func<T, bool> allowed, string rule, string kind = "a number", string? given = null)
        where T : struct, IFormattable
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        var note = given is null ? string.Empty : $"{given} is deprecated; use {name}. ";
        if (!parse(token, style, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{note}{name} expects {kind} (got '{token}').");
            return null;
        }

        if (!allowed(value))
        {
            result.AddError($"{note}{name} must be {rule} (got {value.ToString(null, CultureInfo.InvariantCulture)}).");
        }

        return value;
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
