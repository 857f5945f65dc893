using System.Text.RegularExpressions;
using ProofCheck.Core;
using ProofCheck.Smt.Solvers;

namespace ProofCheck.Smt.Tests;

/// <summary>
/// A solver's "sat" is checked by evaluating the step under its model: a model that does not satisfy the step is a
/// solver fault and never makes a step Refuted, and a checked refutation ends the portfolio's race at once. The real
/// solvers decide; only the model reply is forged where a fault is needed.
/// </summary>
public sealed partial class ModelCheckSpecs
{
    /// <summary>A model for <see cref="Samples.FalseStep"/> that breaks its hypothesis a &gt; 4.</summary>
    private const string ForgedModel = "(\n  (define-fun a () Int 0)\n  (define-fun b () Int 0)\n)\n";

    /// <summary>Random nonlinear mod step 13 of the latency bench: z3 4.8.12 refutes it in 0.3 s, cvc5 1.0.3 not within its 10 s limit.</summary>
    internal static readonly string Cvc5CannotDecide = Samples.ModStep("x*2y and (5+y)x^2 leave the same remainder mod z (false)", "(* (* 1 x) (+ y y))", "(* (+ 5 y) (* x x))");

    [RequiresSolversTheory]
    [MemberData(nameof(Samples.EverySolverMode), MemberType = typeof(Samples))]
    public async Task A_model_that_does_not_satisfy_the_step_never_makes_it_Refuted(SolverKind solver)
    {
        await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = solver, ModelReplyFilter = (_, _) => ForgedModel });

        var result = Assert.Single((await checker.CheckAsync(Samples.Request(Samples.FalseStep))).Obligations);

        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.Null(result.Counterexample);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("does not satisfy the step: hypothesis 1 is false under it", StringComparison.Ordinal));
    }

    [RequiresSolversFact]
    public async Task When_one_solver_forges_its_model_the_other_solvers_checked_refutation_is_the_verdict()
    {
        await using var checker = new SmtChecker(new SmtCheckerOptions { ModelReplyFilter = (solver, reply) => solver == "z3" ? ForgedModel : reply });

        var result = Assert.Single((await checker.CheckAsync(Samples.Request(Samples.FalseStep))).Obligations);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        var values = Assignment().Matches(result.Counterexample!).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(values["a"] > 4 && values["a"] + values["b"] <= values["a"], result.Counterexample);
    }

    [RequiresSolversFact]
    public async Task The_portfolio_refutes_a_step_cvc5_cannot_decide_without_waiting_for_cvc5()
    {
        var shown = new HashSet<string>();
        for (var run = 0; run < 2; run++)
        {
            await using var checker = new SmtChecker();

            var result = Assert.Single((await checker.CheckAsync(Samples.Request(Cvc5CannotDecide, timeoutSeconds: 60))).Obligations);
            // The cancelled cvc5 was killed, not handed back to the pool in the middle of its search.
            var next = Assert.Single((await checker.CheckAsync(Samples.Request(Samples.OddSquare))).Obligations);

            Assert.Equal(Verdict.Refuted, result.Verdict);
            // Had the race waited for cvc5, its Timeout would be noted next to z3's refutation.
            Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("could not decide", StringComparison.Ordinal));
            Assert.Equal(Verdict.Verified, next.Verdict);
            Assert.NotNull(next.ConfirmedBy);
            shown.Add($"{result.Solver}: {result.Counterexample}");
        }

        Assert.Equal("z3+cvc5: x = 1, y = 2, z = 2", Assert.Single(shown));
    }

    [GeneratedRegex(@"(\w+) = (-?\d+)")]
    private static partial Regex Assignment();
}
