using ProofCheck.Core;
using ProofCheck.Smt.Solvers;

namespace ProofCheck.Smt.Tests;

/// <summary>
/// A refuted step shows the same counterexample, from the same solver, on every run: whatever the solver process
/// decided before, and whichever solver of the portfolio answered first.
/// </summary>
public sealed class CounterexampleSpecs
{
    /// <summary>A linear step decided first; after it, a warm z3 4.8.12 (push/pop only) gave another model for the mod step below.</summary>
    private const string Earlier = """
        ; an earlier false step
        (declare-const x Int)
        (declare-const y Int)
        (declare-const z Int)
        (assert (> x 35))
        (assert (< z y))
        (assert (not (> (+ x y z) 35)))
        (check-sat)
        """;

    private static readonly string ModStep = Samples.ModStep("x + 36 and y + 1 leave the same remainder mod z (false)", "(+ x 36)", "(+ y 1)");

    [RequiresSolversTheory]
    [MemberData(nameof(Samples.EverySolverMode), MemberType = typeof(Samples))]
    public async Task A_step_gets_the_same_counterexample_whatever_the_solver_process_decided_before(SolverKind solver)
    {
        // One process per solver, so the second check's step meets a process that has decided the earlier one.
        await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = solver, PoolSize = 1 });

        var alone = Assert.Single((await checker.CheckAsync(Samples.Request(ModStep))).Obligations);
        var afterHistory = (await checker.CheckAsync(Samples.Request(Samples.File(Earlier, ModStep)))).Obligations[1];

        Assert.Equal(Verdict.Refuted, alone.Verdict);
        Assert.NotNull(alone.Counterexample);
        Assert.Equal((alone.Verdict, alone.Counterexample, alone.Solver), (afterHistory.Verdict, afterHistory.Counterexample, afterHistory.Solver));
    }

    [RequiresSolversFact]
    public async Task The_default_portfolio_names_the_same_solver_and_model_on_every_run_of_a_step_both_solvers_refute()
    {
        var seen = new HashSet<string>();
        for (var run = 0; run < 4; run++)
        {
            // A new checker each time, as a new run or a resumed one has: fresh processes, a new race.
            await using var checker = new SmtChecker();
            var report = await checker.CheckAsync(Samples.Request(Samples.File(Samples.FalseStep, Earlier, Samples.NonlinearMod)));
            Assert.All(report.Obligations, o => Assert.Equal(Verdict.Refuted, o.Verdict));
            seen.Add(string.Join(" | ", report.Obligations.Select(o => $"{o.Solver}: {o.Counterexample}")));
        }

        // Whichever solver refutes first, the portfolio shows the smallest counterexample, checked by evaluation.
        var only = Assert.Single(seen);
        Assert.EndsWith("z3+cvc5: x = 1, y = 2, z = 2", only, StringComparison.Ordinal);
    }
}
