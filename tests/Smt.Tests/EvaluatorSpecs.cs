using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ProofCheck.Execution;
using ProofCheck.Smt.Evaluation;
using ProofCheck.Smt.Parsing;

namespace ProofCheck.Smt.Tests;

/// <summary>
/// The ground evaluator that checks solvers' counterexamples follows SMT-LIB's semantics exactly, as z3 and cvc5
/// implement it: on generated ground terms (negative div/mod operands included) it computes the value both solvers
/// agree the term has.
/// </summary>
public sealed class EvaluatorSpecs
{
    [Theory]
    [InlineData("(div 7 2)", "3")]
    [InlineData("(mod 7 2)", "1")]
    [InlineData("(div (- 7) 2)", "-4")]
    [InlineData("(mod (- 7) 2)", "1")]
    [InlineData("(div 7 (- 2))", "-3")]
    [InlineData("(mod 7 (- 2))", "1")]
    [InlineData("(div (- 7) (- 2))", "4")]
    [InlineData("(mod (- 7) (- 2))", "1")]
    [InlineData("(div (- 8) 2 2)", "-2")]
    [InlineData("(abs (- 5))", "5")]
    [InlineData("(- 1 2 3)", "-4")]
    [InlineData("(/ 1.0 (- 4))", "-1/4")]
    [InlineData("(to_int (- 1.5))", "-2")]
    [InlineData("(let ((x 2) (y 3)) (let ((x y) (y x)) (- x y)))", "1")]
    [InlineData("(=> false false false)", "true")]
    [InlineData("(=> true true false)", "false")]
    [InlineData("(distinct 1 2 1)", "false")]
    [InlineData("(< 1 2 2)", "false")]
    [InlineData("(ite (xor true true false) 1 2)", "2")]
    public void Terms_get_their_SMT_LIB_value(string term, string value) =>
        Assert.Equal(value, new GroundEvaluator().Evaluate(Term(term)).ToString());

    [Theory]
    [InlineData("(mod 3 0)", true)]
    [InlineData("(/ 3 0)", true)]
    [InlineData("(str.len \"ab\")", false)]
    [InlineData("(forall ((x Int)) (> x 0))", false)]
    [InlineData("(bvadd #b01 #b10)", false)]
    [InlineData("y", false)]
    public void Terms_without_a_fixed_value_or_outside_the_fragment_are_never_guessed(string term, bool undefined)
    {
        var e = Assert.Throws<OutsideFragmentException>(() => new GroundEvaluator().Evaluate(Term(term)));
        Assert.Equal(undefined, e.Undefined);
    }

    [Fact]
    public void Defined_functions_and_model_tables_are_applied()
    {
        var evaluator = new GroundEvaluator();
        evaluator.Define(Command("(define-fun f ((x!0 Int) (x!1 Int)) Int (ite (and (= x!0 1) (= x!1 2)) 10 (- x!1)))"));
        evaluator.Define(Command("(define-fun c () Int (f 1 2))"));

        Assert.Equal("10", evaluator.Evaluate(Term("c")).ToString());
        Assert.Equal("-5", evaluator.Evaluate(Term("(f 0 5)")).ToString());
    }

    [Theory]
    [InlineData("(declare-const x Int)\n(declare-const b Bool)\n(assert (> x 2))\n(assert (not (or b (> x 3))))\n(check-sat)", "x = 3, b = false")]
    [InlineData("(declare-const x Int)\n(assert (< x 0))\n(assert (not (distinct (mod x 3) 1)))\n(check-sat)", "x = -2")]
    [InlineData("(declare-const x Int)\n(define-fun sq ((n Int)) Int (* n n))\n(assert (not (< (sq x) 50)))\n(check-sat)", "x = 8")]
    [InlineData("(declare-const x Int)\n(assert (not (< x 1000000)))\n(check-sat)", null)]
    [InlineData("(declare-const s String)\n(assert (not (= (str.len s) 0)))\n(check-sat)", null)]
    [InlineData("(declare-fun f (Int) Int)\n(assert (not (= (f 1) 1)))\n(check-sat)", null)]
    public void The_smallest_counterexample_depends_on_the_step_alone(string step, string? expected)
    {
        var (drafts, error) = Obligations.ObligationFileReader.Read(step);
        Assert.Null(error);
        var obligation = Obligations.SafeSubset.Validate(Assert.Single(drafts)).Obligation!;

        Assert.Equal(expected, SmallestCounterexample.Find(obligation));
    }

    /// <summary>
    /// x &gt; 12 rules out every assignment with a smaller x whatever y and z are, and the search passes over those
    /// without evaluating them; they still count against its budget, so the last counterexample within reach is found
    /// and the next step's (x = 14, y = 1, z = -13, just beyond the budget) is not.
    /// </summary>
    [Theory]
    [InlineData(12, "x = 13, y = 1, z = -12")]
    [InlineData(13, null)]
    public void The_smallest_counterexample_search_counts_the_assignments_a_hypothesis_rules_out(int bound, string? expected)
    {
        var step = $"(declare-const x Int)\n(declare-const y Int)\n(declare-const z Int)\n(assert (> x {bound}))\n(assert (= z (- y x)))\n(assert (not (> (+ x y z) {bound})))\n(check-sat)";
        var (drafts, error) = Obligations.ObligationFileReader.Read(step);
        Assert.Null(error);
        var obligation = Obligations.SafeSubset.Validate(Assert.Single(drafts)).Obligation!;

        Assert.Equal(expected, SmallestCounterexample.Find(obligation));
    }

    [RequiresSolversFact]
    public void On_random_ground_terms_the_evaluator_agrees_with_z3_and_cvc5() =>
        Prop.ForAll(Gen.ListOf(Formula(3)).Select(l => l.Take(60).ToList()).ToArbitrary(), formulas => BothSolversAgree(formulas))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(4));

    /// <summary>Every formula's value, as evaluated, is confirmed by z3 and by cvc5: asserting the opposite is unsat.</summary>
    private static bool BothSolversAgree(IReadOnlyList<string> formulas)
    {
        var script = new System.Text.StringBuilder();
        var asked = new List<string>();
        foreach (var f in formulas)
        {
            bool truth;
            try
            {
                truth = new GroundEvaluator().Holds(Term(f));
            }
            catch (OutsideFragmentException e) when (e.Undefined)
            {
                continue; // division by zero: SMT-LIB leaves the value open.
            }

            asked.Add($"{f} is {truth}");
            script.Append(CultureInfo.InvariantCulture, $"(push 1)\n(assert (not (= {f} {(truth ? "true" : "false")})))\n(check-sat)\n(pop 1)\n");
        }

        foreach (var (program, arguments) in new[] { ("z3", new[] { "-in", "-smt2" }), ("cvc5", new[] { "--incremental", "--lang", "smt2" }) })
        {
            var prelude = program == "cvc5" ? "(set-logic ALL)\n" : string.Empty;
            var result = ProcessRunner.RunAsync(new ProcessCommand(program).WithArguments(arguments).WithStandardInput(prelude + script).WithTimeout(TimeSpan.FromMinutes(2)))
                .GetAwaiter().GetResult();
            var answers = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(asked.Count, answers.Length);
            for (var i = 0; i < answers.Length; i++)
            {
                Assert.True(answers[i] == "unsat", $"{program} disagrees that {asked[i]} (it says the opposite is {answers[i]})");
            }
        }

        return true;
    }

    private static Gen<string> Formula(int depth) => depth == 0
        ? Gen.Elements("true", "false")
        : Gen.OneOf(
            from a in IntTerm(depth - 1) from b in IntTerm(depth - 1) from op in Gen.Elements("<", "<=", ">", ">=", "=", "distinct") select $"({op} {a} {b})",
            from a in RealTerm(depth - 1) from b in RealTerm(depth - 1) from op in Gen.Elements("<", "=", ">=") select $"({op} {a} {b})",
            from a in Formula(depth - 1) select $"(not {a})",
            from a in Formula(depth - 1) from b in Formula(depth - 1) from op in Gen.Elements("and", "or", "=>", "xor", "=") select $"({op} {a} {b})",
            from a in RealTerm(depth - 1) select $"(is_int {a})");

    private static Gen<string> IntTerm(int depth)
    {
        var literal = Gen.Choose(-25, 25).Select(Int);
        return depth == 0
            ? literal
            : Gen.OneOf(
                literal,
                from a in IntTerm(depth - 1) from b in IntTerm(depth - 1) from op in Gen.Elements("+", "-", "*", "div", "mod", "div", "mod") select $"({op} {a} {b})",
                from a in IntTerm(depth - 1) from op in Gen.Elements("abs", "-") select $"({op} {a})",
                from c in Formula(depth - 1) from a in IntTerm(depth - 1) from b in IntTerm(depth - 1) select $"(ite {c} {a} {b})",
                from r in RealTerm(depth - 1) select $"(to_int {r})",
                from a in Gen.Choose(-60, 60) from b in Gen.Elements(-7, -3, -2, 2, 3, 7) from op in Gen.Elements("div", "mod") select $"({op} {Int(a)} {Int(b)})");
    }

    private static Gen<string> RealTerm(int depth) => depth == 0
        ? Gen.Choose(-9, 9).Select(n => $"(/ {Int(n)} 4.0)")
        : Gen.OneOf(
            from a in IntTerm(depth - 1) select $"(to_real {a})",
            from a in RealTerm(depth - 1) from b in RealTerm(depth - 1) from op in Gen.Elements("+", "-", "*", "/") select $"({op} {a} {b})");

    private static string Int(int n) => n < 0 ? $"(- {(-n).ToString(CultureInfo.InvariantCulture)})" : n.ToString(CultureInfo.InvariantCulture);

    private static SExpr Term(string text) => Command($"(t {text})").Items[1];

    private static SList Command(string text)
    {
        var (commands, error) = ScriptReader.Read(text);
        Assert.Null(error);
        return Assert.Single(commands).Tree;
    }
}
