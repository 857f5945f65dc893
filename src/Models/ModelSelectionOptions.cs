using Microsoft.Extensions.Logging;

namespace ProofCheck.Models;

/// <summary>Settings that apply to whichever backend a model spec selects; each backend uses the ones it understands.</summary>
public sealed record ModelSelectionOptions
{
    /// <summary>Embedded: a built-in chat template name, for GGUF files without one.</summary>
    public string? Template { get; init; }

    /// <summary>Embedded: context length in tokens (0 = the model's trained length).</summary>
    public int ContextLength { get; init; } = 4096;

    /// <summary>Embedded: CPU threads (0 = half the cores, leaving the rest to the checkers).</summary>
    public int Threads { get; init; }

    /// <summary>HTTP: time allowed per attempt until the first answer byte.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>HTTP: retries on 429/5xx/connection resets/timeouts.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Ollama: pull the model when the server does not have it (the user's consent: --pull).</summary>
    public bool PullMissing { get; init; }

    /// <summary>Ollama: where pull progress goes.</summary>
    public IProgress<Ollama.OllamaPullProgress>? PullProgress { get; init; }

    /// <summary>When set, every exchange is appended to this replay file.</summary>
    public string? RecordTo { get; init; }

    public ILogger? Logger { get; init; }
}
