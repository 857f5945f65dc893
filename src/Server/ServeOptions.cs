using ProofCheck.Core;

namespace ProofCheck.Server;

/// <summary>The settings of <c>proofcheck serve</c>; <see cref="Validate"/> refuses unsafe or unusable ones before anything binds.</summary>
public sealed record ServeOptions
{
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests); the chosen address is on <see cref="GradingServer.BaseAddress"/>.</summary>
    public int Port { get; init; } = 8477;

    /// <summary>The bearer token every /v1 request must carry; required when <see cref="Host"/> is not loopback.</summary>
    public string? Token { get; init; }

    /// <summary>Grades checked at once; further requests wait in the queue.</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Grades that may wait beyond the running ones; past that a request gets 503 with Retry-After.</summary>
    public int QueueCapacity { get; init; } = 64;

    /// <summary>The most grades one batch request may hold.</summary>
    public int MaxBatch { get; init; } = 64;

    /// <summary>Request bodies above this size get 413.</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Wall-clock limit of one grade's checks (all targets); past it the grade is a failure with reason "time-limit".</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Per-obligation checker limit in seconds; null keeps each checker's default.</summary>
    public int? CheckTimeoutSeconds { get; init; }

    public bool Sandboxed { get; init; } = true;

    public bool IsLoopback => HttpAccess.IsLoopbackHost(Host);

    /// <summary>Who may reach the service: the policy every listening command shares.</summary>
    public HttpAccess Access => new(Host, string.IsNullOrEmpty(Token) ? null : Token);

    public void Validate()
    {
        Access.Validate("a secret every request must send as 'Authorization: Bearer TOKEN'");

        if (Port is < 0 or > 65535)
        {
            throw new UserInputException("--port must be between 0 and 65535.");
        }

        if (Workers < 1 || QueueCapacity < 0 || MaxBatch < 1 || MaxBodyBytes < 1024)
        {
            throw new UserInputException("--workers must be at least 1, --queue at least 0, --max-batch at least 1 and --max-body at least 1024 bytes.");
        }

        if (TimeLimit <= TimeSpan.Zero)
        {
            throw new UserInputException("--time-limit must be positive.");
        }
    }
}
