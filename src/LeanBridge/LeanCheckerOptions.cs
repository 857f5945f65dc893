using ProofCheck.LeanBridge.Running;

namespace ProofCheck.LeanBridge;

/// <summary>How Lean is run: file mode (authoritative) or REPL mode (fast failures first, then file mode).</summary>
public enum LeanMode
{
    File,
    Repl,
}

/// <summary>Where Lean is and how to run it.</summary>
public sealed record LeanCheckerOptions
{
    /// <summary>The user's Lake project (with Mathlib); null falls back to PROOFCHECK_LEAN_PROJECT, then to no project.</summary>
    public string? ProjectDirectory { get; init; }

    public LeanMode Mode { get; init; } = LeanMode.File;

    /// <summary>The REPL program; null looks in the project, PROOFCHECK_LEAN_REPL and PATH.</summary>
    public string? ReplPath { get; init; }

    /// <summary>The lean program; null uses the project's toolchain (LEAN_SYSROOT from lake env), then PATH.</summary>
    public string? LeanPath { get; init; }

    /// <summary>The lake program; null looks on PATH.</summary>
    public string? LakePath { get; init; }

    internal LeanToolPaths Tools => new(LeanPath, LakePath, ReplPath);

    /// <summary>How many warm REPL processes the pool keeps at most.</summary>
    public int ReplPoolSize { get; init; } = 2;

    public LeanRunSettings Run { get; init; } = new();
}
