using System.Globalization;
using System.Text;
using ProofCheck.Core;
using ProofCheck.Execution;
using ProofCheck.Smt.Solvers;

namespace ProofCheck.Smt.Tests;

/// <summary>Obligation texts the specs share, and a request helper that sandboxes whenever this machine can.</summary>
internal static class Samples
{
    public const string OddSquare = """
        ; doubling an odd number and adding 2 gives a multiple of 4
        (declare-const n Int)
        (declare-const k Int)
        (assert (= n (+ (* 2 k) 1)))
        (assert (not (= (+ n n 2) (* 4 (+ k 1)))))
        (check-sat)
        """;

    public const string FalseStep = """
        ; a + b > a for all integers (false)
        (declare-const a Int)
        (declare-const b Int)
        (assert (> a 4))
        (assert (not (> (+ a b) a)))
        (check-sat)
        """;

    public const string Vacuous = """
        ; x > 5 and x < 3 give anything
        (declare-const x Int)
        (assert (> x 5))
        (assert (< x 3))
        (assert (not (= x 4)))
        (check-sat)
        """;

    /// <summary>Factoring a 64-bit semiprime by bit-blasting: neither solver finishes within a second.</summary>
    public const string HardFactoring = """
        ; a 64-bit semiprime has no factors below 2^32 (false, but hard to refute)
        (declare-const a (_ BitVec 64))
        (declare-const b (_ BitVec 64))
        (assert (bvult #x0000000000000001 a))
        (assert (bvult a #x0000000100000000))
        (assert (bvult #x0000000000000001 b))
        (assert (bvult b #x0000000100000000))
        (assert (not (not (= (bvmul a b) #x6732d442f66afa45))))
        (check-sat)
        """;

    /// <summary>x³ + y³ + z³ = 33 has a solution only with 17-digit numbers; no solver finds it.</summary>
    public const string SumOfCubes = """
        ; 33 is not a sum of three cubes (false; solved only in 2019 with huge numbers)
        (declare-const x Int)
        (declare-const y Int)
        (declare-const z Int)
        (assert (not (not (= (+ (* x x x) (* y y y) (* z z z)) 33))))
        (check-sat)
        """;

    /// <summary>A false step in nonlinear integer arithmetic with mod: slow for z3 4.8.12, quicker for cvc5 (the example file).</summary>
    public static string NonlinearMod { get; } = System.IO.File.ReadAllText(Path.Combine(TestSupport.RepoPaths.Root, "examples", "nonlinear-mod.smt2"));

    /// <summary>Every way to run the solvers: each alone, both to the end, and the racing portfolio.</summary>
    public static TheoryData<SolverKind> EverySolverMode => [SolverKind.Z3, SolverKind.Cvc5, SolverKind.Both, SolverKind.Portfolio];

    /// <summary>A false step of the nonlinear mod kind z3 4.8.12 and cvc5 1.0.3 each sometimes cannot decide: LHS and RHS leave the same remainder mod z, for x &gt; 0, y &gt; 1, z &gt; 1.</summary>
    public static string ModStep(string label, string lhs, string rhs) => $"""
        ; {label}
        (declare-const x Int)
        (declare-const y Int)
        (declare-const z Int)
        (assert (> x 0))
        (assert (> y 1))
        (assert (> z 1))
        (assert (not (= (mod {lhs} z) (mod {rhs} z))))
        (check-sat)

        """;

    public static CheckRequest Request(string text, double timeoutSeconds = 10) => new(text)
    {
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        Sandboxed = Sandbox.IsAvailable,
    };

    public static string File(params string[] obligations) => string.Join("\n(reset)\n", obligations);

    /// <summary>
    /// <paramref name="count"/> small obligations, a third each valid, false and vacuous, with the verdict each must get.
    /// </summary>
    public static (string Text, IReadOnlyList<Verdict> Expected) Many(int count)
    {
        var text = new StringBuilder();
        var expected = new List<Verdict>();
        for (var i = 0; i < count; i++)
        {
            var c = (i % 97).ToString(CultureInfo.InvariantCulture);
            if (i > 0)
            {
                text.Append("(reset)\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"; step {i}\n(declare-const x Int)\n(declare-const y Int)\n");
            switch (i % 3)
            {
                case 0:
                    text.Append(CultureInfo.InvariantCulture, $"(assert (> x {c}))\n(assert (> y x))\n(assert (not (> (+ x y) (* 2 {c}))))\n(check-sat)\n");
                    expected.Add(Verdict.Verified);
                    break;
                case 1:
                    text.Append(CultureInfo.InvariantCulture, $"(assert (> x {c}))\n(assert (not (> (+ x y) {c})))\n(check-sat)\n");
                    expected.Add(Verdict.Refuted);
                    break;
                default:
                    text.Append(CultureInfo.InvariantCulture, $"(assert (> x {c}))\n(assert (< x {c}))\n(assert (not (= y 1)))\n(check-sat)\n");
                    expected.Add(Verdict.Rejected);
                    break;
            }
        }

        return (text.ToString(), expected);
    }
}
