using System.CommandLine;
using ProofCheck.Core;
using ProofCheck.Pipeline.Runs;

namespace ProofCheck.Cli.Runs;

/// <summary>
/// Compares the options given with <c>run --resume</c> against the settings the run was started with. A resumed
/// run must be the same run: an option that differs is refused with both values named, except the model and its
/// embedded settings when the user says <c>--allow-model-change</c> (every attempt records the model that produced it).
/// </summary>
internal sealed class ResumeSettings(ParseResult parse, RunConfig stored, string runId)
{
    private readonly List<string> refused = [];
    private readonly List<string> modelChanges = [];

    /// <summary>Records a difference when <paramref name="option"/> was given and its value is not the stored one.</summary>
    public void Same<T>(Option<T> option, string storedValue, Func<T, string> show, bool isModelSetting = false)
    {
        if (parse.GetResult(option) is not { Implicit: false })
        {
            return;
        }

        var given = show(parse.GetValue(option)!);
        if (given == storedValue)
        {
            return;
        }

        var line = $"{option.Name} {Shown(given)} (the run was started with {Shown(storedValue)})";
        (isModelSetting ? modelChanges : refused).Add(line);
    }

    /// <summary>True when a model setting differs and the user allowed it.</summary>
    public bool ModelChanged => modelChanges.Count > 0;

    public void ThrowIfRefused(bool allowModelChange)
    {
        var all = allowModelChange ? refused : [.. refused, .. modelChanges];
        if (all.Count == 0)
        {
            return;
        }

        var modelHint = !allowModelChange && modelChanges.Count > 0
            ? "\nTo continue with another model, add --allow-model-change (each attempt records the model that produced it)."
            : string.Empty;
        throw new UserInputException(
            $"A resumed run keeps the settings it was started with, and these differ from run {runId}'s:\n  " +
            string.Join("\n  ", all) +
            $"\nLeave them out to resume with the stored settings (see them with: proofcheck show {runId}), or start a new run.{modelHint}");
    }

    public RunConfig Stored => stored;

    private static string Shown(string value) => value.Length == 0 ? "(none)" : value;
}
