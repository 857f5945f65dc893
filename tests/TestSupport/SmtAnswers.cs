namespace ProofCheck.TestSupport;

/// <summary>
/// A natural-language proof and model answers with one SMT step each, as a scripted model gives them in the loop's specs: the same two texts for
/// every spec, so a spec that needs "a step z3 verifies" or "a step z3 refutes" does not write its own.
/// </summary>
public static class SmtAnswers
{
    /// <summary>A natural-language proof of one numbered step: the prove stage's answer before either step.</summary>
    public const string NlProof = "1. For every integer n > 2, n*n > 4.\nQED";

    /// <summary>n &gt; 2 implies n*n &gt; 4: z3 finds no counterexample (Verified).</summary>
    public const string TrueStep = "```smt2\n(declare-const n Int)\n(assert (> n 2))\n(assert (not (> (* n n) 4)))\n(check-sat)\n```";

    /// <summary>n &gt; 0 implies n &gt; 5: false, z3 refutes it with a counterexample such as n = 1 (Refuted).</summary>
    public const string FalseStep = "```smt2\n(declare-const n Int)\n(assert (> n 0))\n(assert (not (> n 5)))\n(check-sat)\n```";
}
