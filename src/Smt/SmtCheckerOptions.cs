using ProofCheck.Smt.Solvers;

namespace ProofCheck.Smt;

/// <summary>How the SMT checker runs: which solver, how many processes per solver, and the default per-query limit.</summary>
public sealed record SmtCheckerOptions
{
    /// <summary>
    /// Both solvers decide every step by default: the verdict, the counterexample and the solver named are then the
    /// same on every run, which resume and replay rely on. The racing portfolio is faster on a step one solver
    /// hangs on, but which solver's model is shown depends on which answers first.
    /// </summary>
    public SolverKind Solver { get; init; } = SolverKind.Both;

    /// <summary>Solver processes per solver kind working at once; defaults to the number of cores.</summary>
    public int PoolSize { get; init; } = Environment.ProcessorCount;

    /// <summary>The limit for each of an obligation's two checks when the request does not set one.</summary>
    public TimeSpan DefaultTimeout { get; init; } = SmtTarget.DefaultTimeout;
}
