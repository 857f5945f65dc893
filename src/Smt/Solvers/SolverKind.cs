namespace ProofCheck.Smt.Solvers;

/// <summary>Which solver decides the obligations; <see cref="Both"/> runs z3 and cvc5 as a portfolio.</summary>
public enum SolverKind
{
    Z3,
    Cvc5,
    Both,
}
