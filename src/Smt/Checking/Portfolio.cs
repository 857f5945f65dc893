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
        // One name for the pair whichever answered first, so reports stay the same from run to run.
        var both = first.Solver == "cvc5" ? $"{second.Solver}+{first.Solver}" : $"{first.Solver}+{second.Solver}";
        var ms = Math.Max(first.Ms, second.Ms);
        IReadOnlyList<Diagnostic> all = [.. first.Diagnostics, .. second.Diagnostics.Where(d => !first.Diagnostics.Any(f => f.Message == d.Message && f.Span == d.Span))];

        if (Disagree(first, second))
        {
            var message = $"SOLVERS DISAGREE: {Describe(first)}, but {Describe(second)}. One of them is wrong; this obligation is not Verified.";
            return new SolverOutcome(Verdict.Failed, both) { Ms = ms, Diagnostics = [Diagnostic.Error(message, null, both), .. all] };
        }

        if (first.Verdict == Verdict.Failed || second.Verdict == Verdict.Failed)
        {
            // A refutation or a vacuity finding stands even when the other solver could not read the step (cvc5
            // refuses some z3 syntax): a racing portfolio would report it before the error anyway, so the verdict
            // does not depend on which solver is faster. A Verified needs both.
            var (failed, other) = first.Verdict == Verdict.Failed ? (first, second) : (second, first);
            return other.Verdict is Verdict.Refuted or Verdict.Rejected
                ? other with { Ms = ms, Diagnostics = [.. other.Diagnostics, .. failed.Diagnostics.Select(d => d with { Severity = DiagnosticSeverity.Information })] }
                : new SolverOutcome(Verdict.Failed, both) { Ms = ms, Diagnostics = all };
        }

        if (first.IsDecisive && second.IsDecisive)
        {
            return first with
            {
                Solver = both,
                Ms = ms,
                Counterexample = first.Counterexample ?? second.Counterexample,
                ConfirmedBy = first.Verdict == Verdict.Verified ? second.Solver : null,
                Diagnostics = all,
            };
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

    /// <summary>
    /// Races two solvers on one obligation, with a fixed preference so the same input always gives the same report.
    /// A refutation (sat, with its model) or a vacuity finding from the <paramref name="preferred"/> solver wins at
    /// once and stops the other: neither can turn into a false Verified, and the model shown is always the preferred
    /// solver's. The other solver's refutation waits for the preferred one's answer: its model is shown only when the
    /// preferred solver cannot decide. An unsat waits for the other solver too, so a Verified is confirmed by both
    /// whenever both can decide, and a contradiction is caught. Each solver decides from a reset state, so its own
    /// answer does not depend on earlier obligations either.
    /// </summary>
    public static async Task<SolverOutcome> RaceAsync(
        Func<CancellationToken, Task<SolverOutcome>> preferred, Func<CancellationToken, Task<SolverOutcome>> other, CancellationToken cancellationToken)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var mine = Run(preferred);
        var theirs = Run(other);
        var first = (await mine.ConfigureAwait(false))!;
        if (first.Verdict is Verdict.Refuted or Verdict.Rejected)
        {
            await race.CancelAsync().ConfigureAwait(false);
            var stopped = await theirs.ConfigureAwait(false);
            // The other solver may have finished in the meantime: a contradiction is then reported, anything else
            // is left out so the report does not depend on how far the other solver got.
            return stopped is not null && Disagree(first, stopped) ? Combine(first, stopped) : first;
        }

        var second = await theirs.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Combine(first, second!);

        async Task<SolverOutcome?> Run(Func<CancellationToken, Task<SolverOutcome>> decide)
        {
            try
            {
                return await decide(race.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (race.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    private static bool Disagree(SolverOutcome first, SolverOutcome second) =>
        Contradict(first.HypothesesAnswer, second.HypothesesAnswer) || Contradict(first.ClaimAnswer, second.ClaimAnswer)
        || (first.IsDecisive && second.IsDecisive && first.Verdict != second.Verdict);

    private static bool Contradict(string? a, string? b) =>
        a is "sat" or "unsat" && b is "sat" or "unsat" && a != b;

    private static string Describe(SolverOutcome o) =>
        $"{o.Solver} says {o.Verdict} (hypotheses {o.HypothesesAnswer ?? "not checked"}, negated claim {o.ClaimAnswer ?? "not checked"})";
}
