using ProofCheck.Core;
using ProofCheck.Smt.Checking;

namespace ProofCheck.Smt.Tests;

/// <summary>
/// How z3's and cvc5's outcomes fold into one. Real solvers agree on every obligation we could find, so a
/// disagreement is built from outcomes as the solvers report them.
/// </summary>
public sealed class PortfolioSpecs
{
    private static readonly SolverOutcome Z3Verified = new(Verdict.Verified, "z3") { HypothesesAnswer = "sat", ClaimAnswer = "unsat" };
    private static readonly SolverOutcome Cvc5Refuted = new(Verdict.Refuted, "cvc5") { HypothesesAnswer = "sat", ClaimAnswer = "sat", Counterexample = "a = 0" };
    private static readonly SolverOutcome Cvc5Vacuous = new(Verdict.Rejected, "cvc5") { HypothesesAnswer = "unsat" };
    private static readonly SolverOutcome Cvc5Timeout = new(Verdict.Timeout, "cvc5") { HypothesesAnswer = "sat", ClaimAnswer = "unknown" };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Solvers_that_contradict_each_other_are_reported_loudly_and_never_verified(bool vacuity)
    {
        var other = vacuity ? Cvc5Vacuous : Cvc5Refuted;

        var combined = Portfolio.Combine(Z3Verified, other);

        Assert.NotEqual(Verdict.Verified, combined.Verdict);
        var loud = Assert.Single(combined.Diagnostics, d => d.Message.StartsWith("SOLVERS DISAGREE", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Error, loud.Severity);
        Assert.Contains("z3 says Verified", loud.Message, StringComparison.Ordinal);
        Assert.Contains($"cvc5 says {other.Verdict}", loud.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agreeing_solvers_give_their_shared_verdict_under_both_names()
    {
        var combined = Portfolio.Combine(Z3Verified, Z3Verified with { Solver = "cvc5" });

        Assert.Equal(Verdict.Verified, combined.Verdict);
        Assert.Equal("z3+cvc5", combined.Solver);
    }

    [Fact]
    public void A_decisive_answer_stands_when_the_other_solver_could_not_decide_and_that_is_noted()
    {
        var combined = Portfolio.Combine(Z3Verified, Cvc5Timeout);

        Assert.Equal(Verdict.Verified, combined.Verdict);
        Assert.Equal("z3", combined.Solver);
        Assert.Contains(combined.Diagnostics, d => d.Message.Contains("cvc5 could not decide", StringComparison.Ordinal));
    }

    [Fact]
    public void A_solver_error_fails_the_obligation_even_when_the_other_solver_verified_it()
    {
        var combined = Portfolio.Combine(Z3Verified, new SolverOutcome(Verdict.Failed, "cvc5") { Diagnostics = [Diagnostic.Error("cvc5: Symbol q is not declared.")] });

        Assert.Equal(Verdict.Failed, combined.Verdict);
    }
}
