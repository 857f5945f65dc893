namespace ProofCheck.Core;

/// <summary>One line of <c>proofcheck doctor</c>: whether a checker, backend or helper tool can be used here.</summary>
public sealed record ToolStatus(string Category, string Name, bool Available)
{
    public string? Version { get; init; }

    /// <summary>Where it was found, or what was looked at.</summary>
    public string? Location { get; init; }

    /// <summary>What to install or set when it is missing (or a note when present).</summary>
    public string? Advice { get; init; }
}
