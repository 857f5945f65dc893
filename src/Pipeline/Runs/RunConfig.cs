using ProofCheck.Core;

namespace ProofCheck.Pipeline.Runs;

/// <summary>
/// Everything that decides what a run does, stored with the run so <c>--resume</c> continues with exactly the same
/// settings (only the number of workers may change: it does not change results).
/// </summary>
public sealed record RunConfig
{
    public static readonly IReadOnlyList<string> KnownTargets = ["lean", "coq", "smt"];

    /// <summary>The model spec as given (e.g. a GGUF path, ollama:NAME, replay:FILE).</summary>
    public required string Model { get; init; }

    /// <summary>The problem ids of the run, in order.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    public IReadOnlyList<string> Targets { get; init; } = ["coq", "smt"];

    public int Samples { get; init; } = 1;

    public int Rounds { get; init; } = 2;

    /// <summary>The most tokens one model answer may have.</summary>
    public int MaxTokens { get; init; } = 2048;

    /// <summary>The budget of the checker feedback in a repair prompt, in (approximate) tokens.</summary>
    public int FeedbackTokens { get; init; } = 600;

    public string PromptStyle { get; init; } = "plain";

    /// <summary>The user's prompt folder (overrides the shipped templates file by file), or null.</summary>
    public string? PromptsDirectory { get; init; }

    public string ProblemsDirectory { get; init; } = "problems";

    /// <summary>Per-obligation checker time limit in seconds; null means each checker's default.</summary>
    public int? CheckTimeoutSeconds { get; init; }

    public bool Sandboxed { get; init; } = true;

    /// <summary>Throws <see cref="UserInputException"/> for settings no run can use.</summary>
    public void Validate()
    {
        if (Targets.Count == 0)
        {
            throw new UserInputException("--targets needs at least one of lean, coq, smt.");
        }

        foreach (var t in Targets)
        {
            if (!KnownTargets.Contains(t))
            {
                throw new UserInputException($"Unknown target '{t}' in --targets; use lean, coq and/or smt.");
            }
        }

        if (Samples < 1)
        {
            throw new UserInputException("--samples must be at least 1.");
        }

        if (Rounds < 0)
        {
            throw new UserInputException("--rounds must be 0 or more.");
        }

        if (MaxTokens < 1)
        {
            throw new UserInputException("--max-tokens must be at least 1.");
        }

        if (Problems.Count == 0)
        {
            throw new UserInputException("The run has no problems.");
        }
    }
}
