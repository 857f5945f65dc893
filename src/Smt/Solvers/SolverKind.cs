namespace ProofCheck.Smt.Solvers;

/// <summary>Which solver decides the obligations.</summary>
public enum SolverKind
{
    /// <summary>z3 and cvc5 race: a refutation wins at once, a Verified waits for the other solver to confirm it.</summary>
    Portfolio,

    Z3,
    Cvc5,

    /// <summary>z3 and cvc5 both decide every obligation to the end; their answers are compared.</summary>
    Both,
}
