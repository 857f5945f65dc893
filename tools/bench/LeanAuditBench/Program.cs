using System.Diagnostics;
using System.Text;
using ProofCheck.LeanBridge.Audit;
using ProofCheck.LeanBridge.Fidelity;
using ProofCheck.LeanBridge.Syntax;

// Audit time (parse + audit + statement gate) against the length of one proof body. Linear time means the time
// per line stays flat as the body grows; the grammar once made it quadratic (88 s for a 100-line body).
// usage: LeanAuditBench [file.lean ...]   (files: time each real file too)
const int Repeats = 5;
Console.WriteLine("lines  tokens   best ms   ms/line   lexing ms");
foreach (var lines in new[] { 25, 50, 100, 200, 400, 800, 1600 })
{
    var source = Proof(lines);
    var (ms, tokens) = Time(source);
    var lexing = Enumerable.Range(0, Repeats).Min(_ =>
    {
        var watch = Stopwatch.StartNew();
        LeanSyntax.Lex(source);
        return watch.Elapsed.TotalMilliseconds;
    });
    Console.WriteLine($"{lines,5}  {tokens,6}  {ms,8:0.0}  {ms / lines,8:0.000}  {lexing,10:0.0}");
}

foreach (var path in args)
{
    var text = File.ReadAllText(path);
    var cold = Stopwatch.StartNew();
    Check(text);
    cold.Stop();
    var (ms, tokens) = Time(text);
    Console.WriteLine($"{Path.GetFileName(path)}: {text.Split('\n').Length} lines, {tokens} tokens, cold {cold.Elapsed.TotalMilliseconds:0} ms, warm best {ms:0.0} ms");
}

static (double Ms, int Tokens) Time(string source)
{
    var best = double.MaxValue;
    var tokens = 0;
    for (var i = 0; i < Repeats; i++)
    {
        var watch = Stopwatch.StartNew();
        tokens = Check(source);
        best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
    }

    return (best, tokens);
}

static int Check(string source)
{
    var file = LeanSyntax.Parse(source);
    var audit = LeanAudit.Run(file);
    if (StatementOf.Published(source) is { } statement)
    {
        StatementGate.Compare(LeanSyntax.Parse(statement), file);
    }

    return audit.Findings.Count + file.AllTokens.Count;
}

// One theorem whose tactic proof has the given number of lines, in the style of published prover output.
static string Proof(int lines)
{
    var text = new StringBuilder("import Mathlib\nimport Aesop\n\nset_option maxHeartbeats 400000\n\nopen Real Nat\n\n");
    text.Append("theorem long_proof (x y : ℝ) (h₀ : 0 < x) (h₁ : 0 < y) (h₂ : x + y = 10) :\n    x * y ≤ 25 := by\n");
    for (var i = 0; i < lines; i++)
    {
        text.Append((i % 4) switch
        {
            0 => $"  have h{i} : (x - y) ^ 2 ≥ 0 := by nlinarith [sq_nonneg (x - y), sq_nonneg (x + y), h₀, h₁]\n",
            1 => $"  have e{i} : |x - {i}| ≥ 0 := abs_nonneg _ -- step {i}\n",
            2 => $"  · simp only [mul_comm, add_comm] at h{i - 2} ⊢\n",
            _ => $"    rcases lt_trichotomy x {i} with h | h | h <;> nlinarith [h₂, sq_nonneg (x - {i})]\n",
        });
    }

    return text.Append("  nlinarith [sq_nonneg (x - y)]\n").ToString();
}
