using ProofCheck.Core;
using ProofCheck.LeanBridge.Running;

namespace ProofCheck.LeanBridge;

/// <summary>The "lean" target: a Lean 4 proof of a problem's statement.lean, checked by Lean in a Mathlib project.</summary>
public static class LeanTarget
{
    public const string Name = "lean";

    /// <summary>The canonical statement file of a problem folder.</summary>
    public const string StatementFile = "statement.lean";

    /// <summary>Per Lean process of a check, when the request gives none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);


    public static TargetDescriptor Descriptor { get; } = new(Name, "Lean 4", () => new LeanProofChecker())
    {
        FenceLanguages = ["lean", "lean4"],
        DefaultTimeout = DefaultTimeout,
        InstallAdvice = LeanDiscovery.InstallAdvice,
        StatementFile = StatementFile,
    };
}
