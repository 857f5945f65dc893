using ProofCheck.Core;

namespace ProofCheck.Pipeline.Problems.Validation;

/// <summary>What <see cref="ProblemValidator"/> may use, and how hard it may push the machine.</summary>
public sealed record ValidationOptions
{
    /// <summary>The checkers available in this build, by <see cref="IProofChecker.Target"/>; a target without one is "not run".</summary>
    public IReadOnlyList<IProofChecker> Checkers { get; init; } = [];

    /// <summary>
    /// Parses a Lean statement with the Lean grammar and returns the main theorem's name, or throws
    /// <see cref="FormatException"/> with the parse error. Null when no Lean parser is available (then "not run").
    /// </summary>
    public Func<string, string>? LeanMainTheorem { get; init; }

    /// <summary>Wall-clock limit per checker run when none is given: generous, since reference proofs must verify on slow machines.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Wall-clock limit per checker run.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>False only when the user passed --no-sandbox.</summary>
    public bool Sandboxed { get; init; } = true;

    /// <summary>How many checks run at once (checker processes are the expensive part).</summary>
    public int MaxParallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);
}
