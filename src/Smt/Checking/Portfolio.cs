using ProofCheck.Core;

namespace ProofCheck.Smt.Checking;

/// <summary>
/// Folds z3's and cvc5's outcomes for one obligation into one. Contradicting answers are a bug in one of the
/// solvers: they are reported loudly and the obligation is never Verified.
/// </summary>
internal static class Portfolio
{
    public static SolverOutcome Combine(SolverOutcome first, SolverOutcome second)
    {
        var both = $"{first.Solver}+{second.Solver}";
        var ms = Math.Max(first.Ms, second.Ms);
        IReadOnlyList<Diagnostic> all = [.. first.Diagnostics, .. second.Diagnostics.Where(d => !first.Diagnostics.Any(f => f.Message == d.Message && f.Span == d.Span))];

        if (Contradict(first.HypothesesAnswer, second.HypothesesAnswer) || Contradict(first.ClaimAnswer, second.ClaimAnswer)
            || (first.IsDecisive && second.IsDecisive && first.Verdict != second.Verdict))
        {
            var message = $"SOLVERS DISAGREE: {Describe(first)}, but {Describe(second)}. One of them is wrong; this obligation is not Verified.";
            return new SolverOutcome(Verdict.Failed, both) { Ms = ms, Diagnostics = [Diagnostic.Error(message, null, both), .. all] };
        }

        if (first.Verdict == Verdict.Failed || second.Verdict == Verdict.Failed)
        {
            return new SolverOutcome(Verdict.Failed, both) { Ms = ms, Diagnostics = all };
        }

        if (first.IsDecisive && second.IsDecisive)
        {
            return first with { Solver = both, Ms = ms, Counterexample = first.Counterexample ?? second.Counterexample, Diagnostics = all };
        }

        if (first.IsDecisive || second.IsDecisive)
        {
            var (decided, undecided) = first.IsDecisive ? (first, second) : (second, first);
            var note = new Diagnostic(DiagnosticSeverity.Information, $"{undecided.Solver} could not decide ({undecided.Verdict}); the verdict is {decided.Solver}'s alone") { Source = undecided.Solver };
            return decided with { Ms = ms, Diagnostics = [.. decided.Diagnostics, note, .. undecided.Diagnostics.Select(d => d with { Severity = DiagnosticSeverity.Information })] };
        }

        var verdict = first.Verdict == Verdict.Timeout && second.Verdict == Verdict.Timeout ? Verdict.Timeout : Verdict.Unknown;
        return new SolverOutcome(verdict, both) { Ms = ms, Diagnostics = all };
    }

    private static bool Contradict(string? a, string? b) =>
        a is "sat" or "unsat" && b is "sat" or "unsat" && a != b;

    private static string Describe(SolverOutcome o) =>
        $"{o.Solver} says {o.Verdict} (hypotheses {o.HypothesesAnswer ?? "not checked"}, negated claim {o.ClaimAnswer ?? "not checked"})";
}
