using ProofCheck.Core;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Pipeline.Runs;

/// <summary>
/// Everything that decides what a run does, stored with the run so <c>--resume</c> continues with exactly the same
/// settings (only the number of workers and parallel requests may change: they do not change results).
/// </summary>
public sealed record RunConfig
{

    /// <summary>The model spec as given (e.g. a GGUF path, ollama:NAME, replay:FILE).</summary>
    public required string Model { get; init; }

    /// <summary>The problem ids of the run, in order.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    public IReadOnlyList<string> Targets { get; init; } = [CheckTargets.Coq.Name, CheckTargets.Smt.Name];

    public int Samples { get; init; } = 1;

    public int Rounds { get; init; } = 2;

    /// <summary>
    /// The most tokens one model answer may have, thinking included. Reasoning models (QwQ, DeepSeek-R1) think for
    /// thousands of tokens before they answer; a smaller budget cuts them off inside their thinking.
    /// </summary>
    public int MaxTokens { get; init; } = DefaultMaxTokens;

    public const int DefaultMaxTokens = 16384;

    /// <summary>Sampling temperature sent with every request; null leaves the backend's default.</summary>
    public float? Temperature { get; init; }

    /// <summary>Nucleus sampling threshold sent with every request; null leaves the backend's default.</summary>
    public float? TopP { get; init; }

    /// <summary>Mixed into every sample's seed; null keeps the seeds derived from problem and sample alone.</summary>
    public int? Seed { get; init; }

    /// <summary>Embedded model only: the built-in chat template for GGUF files without one.</summary>
    public string? Template { get; init; }

    /// <summary>Embedded model only: CPU threads (0 = all cores).</summary>
    public int Threads { get; init; }

    /// <summary>Embedded model only: context length in tokens.</summary>
    public int ContextLength { get; init; } = 4096;

    /// <summary>SHA-256 of the prompt overrides' file names and contents when the run started (null: no overrides).</summary>
    public string? PromptsHash { get; init; }

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
            throw new UserInputException($"--targets needs at least one of {string.Join(", ", CheckTargets.Names)}.");
        }

        foreach (var t in Targets)
        {
            if (CheckTargets.Find(t) is null)
            {
                throw new UserInputException($"Unknown target '{t}' in --targets; use {string.Join(", ", CheckTargets.Names)}.");
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

        if (Temperature is < 0 or > 2)
        {
            throw new UserInputException("--temperature must be between 0 and 2.");
        }

        if (TopP is <= 0 or > 1)
        {
            throw new UserInputException("--top-p must be greater than 0 and at most 1.");
        }

        if (Threads < 0)
        {
            throw new UserInputException("--threads must be 0 (half the cores) or more.");
        }

        if (ContextLength is < 0 or (> 0 and < 256))
        {
            throw new UserInputException("--context must be 0 (the model's trained length) or at least 256 tokens.");
        }

        if (CheckTimeoutSeconds is < 1)
        {
            throw new UserInputException("--timeout must be at least 1 second.");
        }

        if (Problems.Count == 0)
        {
            throw new UserInputException("The run has no problems.");
        }
    }
}
