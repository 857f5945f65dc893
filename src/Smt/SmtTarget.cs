using ProofCheck.Core;

namespace ProofCheck.Smt;

/// <summary>The "smt" target: SMT-LIB step obligations decided by z3 and cvc5.</summary>
public static class SmtTarget
{
    public const string Name = "smt";

    /// <summary>Per obligation and solver, when the request gives none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static TargetDescriptor Descriptor { get; } = new(Name, "SMT-LIB 2", () => new SmtChecker())
    {
        FenceLanguages = ["smt2", "smt", "smtlib", "smtlib2", "smt-lib", "smt-lib2"],
        DefaultTimeout = DefaultTimeout,
        InstallAdvice = "Install z3 and cvc5: 'apt-get install z3 cvc5' (or run 'bash tools/setup.sh').",
    };
}
