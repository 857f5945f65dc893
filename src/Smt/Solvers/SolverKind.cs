namespace ProofCheck.Smt.Solvers;

/// <summary>Which solver decides the obligations.</summary>
public enum SolverKind
{
    /// <summary>z3 and cvc5 race (the default): cvc5's refutation wins at once, z3's waits for cvc5's answer; a Verified waits for the other solver to confirm it.</summary>
    Portfolio,

    Z3,
    Cvc5,

    /// <summary>z3 and cvc5 both decide every obligation to the end; their answers are compared.</summary>
    Both,
}
