namespace ProofCheck.Execution;

/// <summary>
/// Limits for a sandboxed run: no network, a read-only system, one writable folder, memory and CPU caps.
/// </summary>
public sealed record SandboxPolicy(string WritableDirectory)
{
    /// <summary>Address-space cap (RLIMIT_AS). Default 4 GiB.</summary>
    public long MemoryLimitBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>CPU-time cap (RLIMIT_CPU) in seconds; null leaves it to the wall-clock timeout.</summary>
    public int? CpuSeconds { get; init; }

    /// <summary>Extra folders visible read-only inside the sandbox (a Lean toolchain, a Coq library).</summary>
    public IReadOnlyList<string> ReadOnlyPaths { get; init; } = [];

    public SandboxPolicy WithReadOnlyPaths(params IEnumerable<string> paths) =>
        this with { ReadOnlyPaths = [.. ReadOnlyPaths, .. paths] };
}
