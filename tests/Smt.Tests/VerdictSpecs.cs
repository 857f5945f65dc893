using ProofCheck.Core;
using ProofCheck.Smt.Solvers;

namespace ProofCheck.Smt.Tests;

/// <summary>The verdicts the real solvers lead to, obligation by obligation, for z3, cvc5 and the portfolio.</summary>
public sealed class VerdictSpecs
{
    private static async Task<CheckReport> CheckAsync(SolverKind solver, string text, double timeoutSeconds = 10)
    {
        await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = solver, PoolSize = 2 });
        return await checker.CheckAsync(Samples.Request(text, timeoutSeconds));
    }

    [RequiresSolversTheory]
    [InlineData(SolverKind.Z3)]
    [InlineData(SolverKind.Cvc5)]
    [InlineData(SolverKind.Both)]
    public async Task A_claim_that_follows_from_consistent_hypotheses_is_verified(SolverKind solver)
    {
        var report = await CheckAsync(solver, Samples.OddSquare);

        var result = Assert.Single(report.Obligations);
        Assert.Equal(Verdict.Verified, result.Verdict);
        Assert.Equal("doubling an odd number and adding 2 gives a multiple of 4", result.Label);
        Assert.Equal(Verdict.Verified, report.Verdict);
        Assert.Equal(ExitCodes.AllVerified, ExitCodes.For(report));
    }

    [RequiresSolversTheory]
    [InlineData(SolverKind.Z3)]
    [InlineData(SolverKind.Cvc5)]
    [InlineData(SolverKind.Both)]
    public async Task A_false_claim_is_refuted_with_a_counterexample_that_really_breaks_it(SolverKind solver)
    {
        var report = await CheckAsync(solver, Samples.FalseStep);

        var result = Assert.Single(report.Obligations);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        var values = Assignment(result.Counterexample);
        Assert.Equal(["a", "b"], values.Keys.Order());
        Assert.True(values["a"] > 4, result.Counterexample);
        Assert.False(values["a"] + values["b"] > values["a"], result.Counterexample);
        Assert.Equal(ExitCodes.NotVerified, ExitCodes.For(report));
    }

    [RequiresSolversTheory]
    [InlineData(SolverKind.Z3)]
    [InlineData(SolverKind.Cvc5)]
    [InlineData(SolverKind.Both)]
    public async Task An_obligation_with_contradictory_hypotheses_is_rejected_as_vacuous(SolverKind solver)
    {
        var report = await CheckAsync(solver, Samples.Vacuous);

        var result = Assert.Single(report.Obligations);
        Assert.Equal(Verdict.Rejected, result.Verdict);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("vacuous", StringComparison.Ordinal));
    }

    [RequiresSolversTheory]
    [InlineData(SolverKind.Z3)]
    [InlineData(SolverKind.Cvc5)]
    [InlineData(SolverKind.Both)]
    public async Task A_query_beyond_the_limit_times_out_and_is_not_verified(SolverKind solver)
    {
        var report = await CheckAsync(solver, Samples.HardFactoring, timeoutSeconds: 0.5);

        var result = Assert.Single(report.Obligations);
        Assert.Equal(Verdict.Timeout, result.Verdict);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("limit", StringComparison.Ordinal));
    }

    [RequiresSolversTheory]
    [InlineData(SolverKind.Z3)]
    [InlineData(SolverKind.Cvc5)]
    public async Task Hard_nonlinear_arithmetic_under_a_tiny_limit_is_unknown_or_timeout_never_verified(SolverKind solver)
    {
        var report = await CheckAsync(solver, Samples.SumOfCubes, timeoutSeconds: 0.3);

        var result = Assert.Single(report.Obligations);
        Assert.Contains(result.Verdict, new[] { Verdict.Unknown, Verdict.Timeout });
        Assert.NotEmpty(result.Diagnostics);
    }

    [RequiresSolversTheory]
    [InlineData(SolverKind.Z3, 4, 12)]
    [InlineData(SolverKind.Cvc5, 4, 12)]
    public async Task An_undeclared_symbol_fails_with_the_solvers_message_at_its_position_in_the_file(SolverKind solver, int line, int column)
    {
        var text = """
            ; uses a symbol it never declared
            (declare-const x Int)
            (assert (> x 1))
            (assert (> q 1))
            (assert (not (> x 0)))
            (check-sat)
            """;

        var report = await CheckAsync(solver, text);

        var result = Assert.Single(report.Obligations);
        Assert.Equal(Verdict.Failed, result.Verdict);
        var error = Assert.Single(result.Diagnostics);
        Assert.Contains("q", error.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceSpan(line, column), error.Span);
    }

    [RequiresSolversTheory]
    [InlineData(SolverKind.Z3)]
    [InlineData(SolverKind.Cvc5)]
    public async Task A_solver_error_in_one_obligation_does_not_change_the_verdicts_of_the_others(SolverKind solver)
    {
        var broken = "(declare-const x Int)\n(assert (> q 1))\n(assert (not (> x 0)))\n(check-sat)";
        await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = solver, PoolSize = 1 });

        var report = await checker.CheckAsync(Samples.Request(Samples.File(Samples.OddSquare, broken, Samples.FalseStep, Samples.Vacuous)));

        Assert.Equal([Verdict.Verified, Verdict.Failed, Verdict.Refuted, Verdict.Rejected], report.Obligations.Select(o => o.Verdict));
    }

    [RequiresSolversFact]
    public async Task Every_obligation_of_a_file_gets_its_own_verdict_and_the_file_gets_the_worst()
    {
        var report = await CheckAsync(SolverKind.Both, Samples.File(Samples.OddSquare, Samples.FalseStep, Samples.Vacuous));

        Assert.Equal([Verdict.Verified, Verdict.Refuted, Verdict.Rejected], report.Obligations.Select(o => o.Verdict));
        Assert.Equal(Verdict.Rejected, report.Verdict);
        Assert.All(report.Obligations, o => Assert.True(o.Solver == "z3+cvc5", $"{o.Solver}: {string.Join(" | ", o.Diagnostics)}"));
        Assert.StartsWith("Z3 version", report.CheckerVersion, StringComparison.Ordinal);
    }

    [RequiresSolversFact]
    public async Task Declarations_of_one_obligation_do_not_leak_into_the_next()
    {
        var first = """
            (declare-const x Int)
            (assert (= x 3))
            (assert (not (> x 2)))
            (check-sat)
            """;
        var second = """
            ; x is declared again, with another sort
            (declare-const x Bool)
            (declare-const y Bool)
            (assert x)
            (assert (=> x y))
            (assert (not y))
            (check-sat)
            """;

        var report = await CheckAsync(SolverKind.Z3, Samples.File(first, second, first));

        Assert.Equal([Verdict.Verified, Verdict.Verified, Verdict.Verified], report.Obligations.Select(o => o.Verdict));
    }

    /// <summary>Reads "a = 3, b = -2" back into numbers, so a test can check the counterexample against the claim.</summary>
    private static Dictionary<string, long> Assignment(string? text)
    {
        Assert.NotNull(text);
        return text.Split(", ").Select(p => p.Split(" = ")).ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
