using System.Text;
using ProofCheck.Core;
using ProofCheck.Smt.Solvers;

namespace ProofCheck.Smt.Tests;

/// <summary>
/// The solver decides exactly what the audit read: no comment trick, redefined theory symbol, raw non-ASCII string
/// or deeply nested input leads to a false Verified or a crash. Each case is a small reproducer of a way a false
/// claim once came out Verified, run on the real solvers.
/// </summary>
public sealed class FidelitySpecs
{
    private static async Task<CheckReport> CheckAsync(SolverKind solver, string text, double timeoutSeconds = 10)
    {
        await using var checker = new SmtChecker(new SmtCheckerOptions { Solver = solver, PoolSize = 2 });
        return await checker.CheckAsync(Samples.Request(text, timeoutSeconds));
    }

    /// <summary>A lone CR ends a comment for some readers and not for others; the smuggled (assert false) must not count.</summary>
    [RequiresSolversTheory]
    [InlineData(SolverKind.Portfolio)]
    [InlineData(SolverKind.Z3)]
    [InlineData(SolverKind.Cvc5)]
    public async Task A_command_hidden_behind_a_carriage_return_in_a_comment_cannot_make_a_false_claim_verified(SolverKind solver)
    {
        var text = "(declare-const x Int)\n(assert (not;\r(\n(= x 1);\r(\n);\r(\n)(assert false);\r)))\n(check-sat)\n";

        var report = await CheckAsync(solver, text);

        Assert.NotEqual(Verdict.Verified, report.Verdict);
    }

    [RequiresSolversTheory]
    [InlineData("(pop 1)")]
    [InlineData("(exit)")]
    [InlineData("(echo \"unsat\")")]
    [InlineData("(set-option :timeout 1)")]
    public async Task A_forbidden_command_behind_a_carriage_return_comment_is_still_seen_by_the_audit_or_never_reaches_the_solver(string smuggled)
    {
        var first = $"; first\n(declare-const x Int)\n(assert (= x 0));\r{smuggled}\n(assert (not (= x 1)));\r(push 1)\n(check-sat)\n";
        var second = "; second (false)\n(declare-const y Int)\n(assert (not (= y 1)))\n(check-sat)\n";

        var report = await CheckAsync(SolverKind.Portfolio, Samples.File(first, second));

        Assert.Equal(Verdict.Refuted, report.Obligations[1].Verdict);
        Assert.Equal(Verdict.Rejected, report.Obligations[0].Verdict);
    }

    [RequiresSolversTheory]
    [InlineData("(define-fun not ((b Bool)) Bool b)", "not")]
    [InlineData("(define-fun = ((a Int) (b Int)) Bool true)", "=")]
    [InlineData("(declare-fun + (Int Int) Int)", "+")]
    [InlineData("(declare-sort Int 0)", "Int")]
    [InlineData("(define-fun f ((and Bool)) Bool and)", "and")]
    [InlineData("(declare-const str.len Int)", "str.len")]
    public async Task Redefining_a_symbol_the_logic_defines_is_rejected_with_its_position(string redefinition, string name)
    {
        var text = $"(declare-const x Int)\n{redefinition}\n(assert (not (= (+ 2 2) 5)))\n(check-sat)\n";

        var report = await CheckAsync(SolverKind.Portfolio, text);

        Assert.Equal(Verdict.Rejected, Assert.Single(report.Obligations).Verdict);
        var finding = Assert.Single(report.Audit!.Findings);
        Assert.Equal("theory-symbol", finding.Rule);
        Assert.Equal(2, finding.Span.Line);
        Assert.Contains($"'{name}'", finding.Reason, StringComparison.Ordinal);
    }

    [RequiresSolversFact]
    public async Task A_raw_non_ascii_string_is_refused_and_the_same_character_escaped_gets_the_solvers_true_answer()
    {
        const string Raw = "(declare-const s String)\n(assert (not (distinct s \"é\")))\n(check-sat)\n";
        const string Escaped = "(declare-const s String)\n(assert (not (distinct s \"\\u{e9}\")))\n(check-sat)\n";

        var raw = await CheckAsync(SolverKind.Portfolio, Raw);
        var escaped = await CheckAsync(SolverKind.Portfolio, Escaped);

        Assert.Equal("string-literal", Assert.Single(raw.Audit!.Findings).Rule);
        Assert.Equal(Verdict.Refuted, Assert.Single(escaped.Obligations).Verdict);
    }

    [Fact]
    public async Task A_million_nested_parentheses_are_refused_with_a_clear_message_not_a_crash()
    {
        var text = "(assert " + new string('(', 1_000_000) + new string(')', 1_000_000) + ")";
        await using var checker = new SmtChecker();

        var report = await checker.CheckAsync(Samples.Request(text));

        var error = SmtChecker.SyntaxErrorOf(report);
        Assert.NotNull(error);
        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
    }

    [RequiresSolversFact]
    public async Task A_counterexample_nested_thousands_of_levels_deep_still_gives_refuted_without_a_crash()
    {
        var text = new StringBuilder("(declare-fun f (Int) Int)\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"(assert (= (f {i}) {i + 1}))\n");
        }

        text.Append("(assert (not (= (f 20000) 0)))\n(check-sat)\n");

        var report = await CheckAsync(SolverKind.Z3, text.ToString(), timeoutSeconds: 60);

        Assert.Equal(Verdict.Refuted, Assert.Single(report.Obligations).Verdict);
    }

    [RequiresSolversFact]
    public async Task A_claim_that_repeats_a_hypothesis_up_to_renaming_is_rejected_as_circular()
    {
        var text = """
            ; assumes what it claims, written the other way round
            (declare-const a Int)
            (declare-const b Int)
            (define-fun bigger () Bool (> a b))
            (assert (and (>= a 0) bigger))
            (assert (not (< b a)))
            (check-sat)
            """;

        var report = await CheckAsync(SolverKind.Portfolio, text);

        Assert.Equal(Verdict.Rejected, Assert.Single(report.Obligations).Verdict);
        Assert.Equal("circular", Assert.Single(report.Audit!.Findings).Rule);
    }

    [RequiresSolversFact]
    public async Task Each_step_lists_the_hypotheses_no_earlier_verified_step_proved()
    {
        var first = "; step 1\n(declare-const n Int)\n(assert (> n 2))\n(assert (not (> n 1)))\n(check-sat)";
        var second = "; step 2\n(declare-const n Int)\n(assert (< 1 n))\n(assert (< n 10))\n(assert (not (> (* n n) n)))\n(check-sat)";

        var report = await CheckAsync(SolverKind.Portfolio, Samples.File(first, second));

        Assert.Equal([Verdict.Verified, Verdict.Verified], report.Obligations.Select(o => o.Verdict));
        Assert.Equal(["(> n 2)"], report.Obligations[0].Assumptions);
        Assert.Equal(["(< n 10)"], report.Obligations[1].Assumptions);
        Assert.DoesNotContain("statementVetted", ReportJson.Serialize(report), StringComparison.Ordinal);
    }

    [RequiresSolversFact]
    public async Task The_portfolio_confirms_a_verified_step_with_the_second_solver()
    {
        var report = await CheckAsync(SolverKind.Portfolio, Samples.OddSquare);

        var result = Assert.Single(report.Obligations);
        Assert.Equal(Verdict.Verified, result.Verdict);
        Assert.Equal("z3+cvc5", result.Solver);
        Assert.NotNull(result.ConfirmedBy);
    }

    /// <summary>z3 4.8.12 does not settle this nonlinear mod step within its limit; cvc5 refutes it at once.</summary>
    [RequiresSolversFact]
    public async Task The_portfolio_reports_a_counterexample_as_soon_as_one_solver_finds_it()
    {
        var report = await CheckAsync(SolverKind.Portfolio, Samples.NonlinearMod, timeoutSeconds: 20);

        var result = Assert.Single(report.Obligations);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.NotNull(result.Counterexample);
    }

    /// <summary>
    /// The standard strings theory's extended functions are read by both solvers: cvc5 1.0 needs `--strings-exp` for
    /// them, and without it every honest string step was a solver error (found on cvc5's own regression files).
    /// </summary>
    [RequiresSolversFact]
    public async Task Steps_with_str_replace_contains_and_substr_get_both_solvers_answers()
    {
        const string text = """
            (declare-const x String)
            (assert (str.contains x "ab"))
            (assert (not (and (>= (str.len x) 2) (= (str.replace (str.++ "q" x) "q" "") x))))
            (check-sat)
            (reset)
            (declare-const y String)
            (assert (str.contains y "a"))
            (assert (not (= (str.substr y 0 1) "a")))
            (check-sat)
            """;

        var report = await CheckAsync(SolverKind.Portfolio, text);

        Assert.Equal(Verdict.Verified, report.Obligations[0].Verdict);
        Assert.Equal("z3", report.Obligations[0].ConfirmedBy);
        Assert.Equal(Verdict.Refuted, report.Obligations[1].Verdict);
        Assert.Equal("cvc5", report.Obligations[1].Solver);
    }
}
