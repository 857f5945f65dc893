using ProofCheck.Smt.Solvers;

namespace ProofCheck.Smt;

/// <summary>How the SMT checker runs: which solver, how many processes per solver, and the default per-query limit.</summary>
public sealed record SmtCheckerOptions
{
    /// <summary>
    /// The racing portfolio by default: a step one solver cannot decide costs only the other solver's time. Its reports
    /// are still the same on every run (resume and replay rely on that): each solver decides from a reset state, and a
    /// refutation shows the smallest counterexample found by evaluating the step (else the preferred solver's model),
    /// whichever solver answered first.
    /// </summary>
    public SolverKind Solver { get; init; } = SolverKind.Portfolio;

    /// <summary>Solver processes per solver kind working at once; defaults to the number of cores.</summary>
    public int PoolSize { get; init; } = Environment.ProcessorCount;

    /// <summary>The limit for each of an obligation's two checks when the request does not set one.</summary>
    public TimeSpan DefaultTimeout { get; init; } = SmtTarget.DefaultTimeout;

    /// <summary>
    /// Test seam: rewrites a solver's <c>get-model</c> reply (solver name, reply) before it is read (a forged model).
    /// Null outside tests. It exists because the model check guards against a fault no real solver can be made to
    /// show on demand (a model that does not satisfy the step); only the text of that one reply is replaced, and the
    /// real solvers still decide everything else. Internal, so no user can set it.
    /// </summary>
    internal Func<string, string, string>? ModelReplyFilter { get; init; }
}
