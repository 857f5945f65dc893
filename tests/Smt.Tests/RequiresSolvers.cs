using ProofCheck.TestSupport;

namespace ProofCheck.Smt.Tests;

/// <summary>A theory over solvers that runs only where z3 and cvc5 are both installed, and says why it is skipped otherwise.</summary>
public sealed class RequiresSolversTheoryAttribute : TheoryAttribute
{
    public RequiresSolversTheoryAttribute()
    {
        if (SolverPresence.Missing)
        {
            Skip = "z3 and cvc5 must both be on PATH ('apt-get install z3 cvc5'); these specs run the real solvers.";
        }
    }
}

/// <summary>A fact that needs both real solvers.</summary>
public sealed class RequiresSolversFactAttribute : FactAttribute
{
    public RequiresSolversFactAttribute()
    {
        if (SolverPresence.Missing)
        {
            Skip = "z3 and cvc5 must both be on PATH ('apt-get install z3 cvc5'); these specs run the real solvers.";
        }
    }
}

internal static class SolverPresence
{
    // CI installs both solvers, so there a missing solver must fail these specs, never skip them.
    public static bool Missing => Environment.GetEnvironmentVariable("CI") != "true" && (!Tools.Has("z3") || !Tools.Has("cvc5"));
}
