using System.Globalization;
using System.Text;

namespace ProofCheck.SmtBench;

/// <summary>
/// The benchmark's fixed workload: small linear-arithmetic steps, a third valid, a third false (so a model is
/// read), a third vacuous. Every obligation gets the vacuity check. The vacuous third claims y &gt; z under z = y: its
/// claim used to be y = z, which the audit has since refused as circular (the claim among the hypotheses) before any
/// solver saw it, so a third of the workload measured nothing but the audit.
/// </summary>
internal static class BenchObligations
{
    public static string Generate(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var c = (i % 89).ToString(CultureInfo.InvariantCulture);
            if (i > 0)
            {
                text.Append("(reset)\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"; step {i}\n(declare-const x Int)\n(declare-const y Int)\n(declare-const z Int)\n");
            text.Append((i % 3) switch
            {
                0 => $"(assert (> x {c}))\n(assert (>= y (+ x 2)))\n(assert (= z (+ x y)))\n(assert (not (> z (* 2 {c}))))\n(check-sat)\n",
                1 => $"(assert (> x {c}))\n(assert (= z (- y x)))\n(assert (not (> (+ x y z) {c})))\n(check-sat)\n",
                _ => $"(assert (> x {c}))\n(assert (< (+ x 1) {c}))\n(assert (= z y))\n(assert (not (> y z)))\n(check-sat)\n",
            });
        }

        return text.ToString();
    }

    /// <summary>
    /// False steps in the shape of the nonlinear mod example: two random polynomials in x and y (products and sums of
    /// x, y and small constants) claimed to leave the same remainder mod z, under x &gt; 0, y &gt; 1, z &gt; 1. A fixed
    /// seed, so every run of the bench decides the same steps.
    /// </summary>
    public static IReadOnlyList<string> NonlinearModSteps(int count)
    {
        var random = new Random(13);
        var steps = new List<string>();
        while (steps.Count < count)
        {
            var (p, q) = (Polynomial(random, 2), Polynomial(random, 2));
            if (p != q)
            {
                steps.Add($"; random nonlinear mod step {steps.Count + 1}\n(declare-const x Int)\n(declare-const y Int)\n(declare-const z Int)\n"
                    + $"(assert (> x 0))\n(assert (> y 1))\n(assert (> z 1))\n(assert (not (= (mod {p} z) (mod {q} z))))\n(check-sat)\n");
            }
        }

        return steps;
    }

    private static string Polynomial(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return random.Next(3) switch
            {
                0 => "x",
                1 => "y",
                _ => random.Next(1, 6).ToString(CultureInfo.InvariantCulture),
            };
        }

        return $"({(random.Next(2) == 0 ? "+" : "*")} {Polynomial(random, depth - 1)} {Polynomial(random, depth - 1)})";
    }
}
