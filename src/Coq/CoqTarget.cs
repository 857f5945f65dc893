using ProofCheck.Core;

namespace ProofCheck.Coq;

/// <summary>The "coq" target: a Coq proof of a problem's statement.v, checked by coqc.</summary>
public static class CoqTarget
{
    public const string Name = "coq";

    /// <summary>The canonical statement file of a problem folder.</summary>
    public const string StatementFile = "statement.v";

    public const string InstallAdvice = "Install Coq 8.16 or later ('apt-get install coq', or run 'bash tools/setup.sh').";

    /// <summary>The wall-clock limit of a whole check when the request gives none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static TargetDescriptor Descriptor { get; } = new(Name, "Coq", () => new CoqChecker())
    {
        FenceLanguages = ["coq", "rocq", "v", "gallina"],
        DefaultTimeout = DefaultTimeout,
        InstallAdvice = InstallAdvice,
        StatementFile = StatementFile,
    };
}
