namespace ProofCheck.Models.OpenAi;

/// <summary>
/// Where an OpenAI-compatible server is and how to talk to it. The API key is read from an environment variable
/// when the client is created and is never logged or shown (<see cref="ToString"/> leaves it out).
/// </summary>
public sealed record OpenAiEndpoint
{
    public const string OpenAiUrl = "https://api.openai.com/v1";

    public required Uri BaseUrl { get; init; }

    public required string Model { get; init; }

    /// <summary>The environment variable holding the API key; unset or empty means no key (fine for local servers).</summary>
    public string ApiKeyVariable { get; init; } = "OPENAI_API_KEY";

    /// <summary>Time allowed for one attempt to produce its first answer byte (streaming) or the whole answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Retries after a 429, a 5xx, a connection reset or a timeout.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff delay; doubles each retry, with jitter, unless the server sends Retry-After.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest Retry-After honoured; a longer one is capped so a run cannot stall for hours.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(2);

    internal string? ReadApiKey()
    {
        var key = Environment.GetEnvironmentVariable(ApiKeyVariable);
        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }

    public override string ToString() => $"{Model} at {BaseUrl}";
}
