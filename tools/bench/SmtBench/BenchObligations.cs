using System.Globalization;
using System.Text;

namespace ProofCheck.SmtBench;

/// <summary>
/// The benchmark's fixed workload: small linear-arithmetic steps, a third valid, a third false (so a model is
/// read), a third vacuous. Every obligation gets the vacuity check.
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
                _ => $"(assert (> x {c}))\n(assert (< (+ x 1) {c}))\n(assert (= z y))\n(assert (not (= y z)))\n(check-sat)\n",
            });
        }

        return text.ToString();
    }
}
