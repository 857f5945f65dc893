namespace ProofCheck.Models.Llama;

/// <summary>How the embedded backend runs a request.</summary>
public sealed record LlamaChatClientOptions
{
    /// <summary>Context length in tokens (prompt plus answer). 0 = the model's trained length.</summary>
    public int ContextLength { get; init; } = 4096;

    /// <summary>
    /// CPU threads while generating. Half the cores by default: a run checks proofs while the model writes, and
    /// generating one token at a time gains little from more threads, while a thread waiting for a core the
    /// checkers hold stalls every step (tools/bench/LlamaBench measures both).
    /// </summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>CPU threads while reading the prompt, where many threads pay off: all cores by default.</summary>
    public int BatchThreads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Tokens decoded per batch while reading the prompt.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>A built-in chat template name (e.g. "chatml", "llama3"); overrides the model's own.</summary>
    public string? Template { get; init; }

    /// <summary>Answer length when a request does not set <c>MaxOutputTokens</c>.</summary>
    public int DefaultMaxOutputTokens { get; init; } = 2048;
}
