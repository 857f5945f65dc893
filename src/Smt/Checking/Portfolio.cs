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
    /// Races two solvers on one obligation; the report must not depend on which one is faster on a given day.
    /// <list type="bullet">
    /// <item>A refutation from either solver wins at once and stops the other when <paramref name="smallest"/> finds
    /// the smallest values that refute the step by evaluation (a counterexample checked without any solver). That is
    /// what is shown: it depends on the obligation alone, where the winner's model would depend on the race (z3 and
    /// cvc5 pick different models, and either can be first). When there is no such counterexample (outside
    /// the evaluator's fragment, or none within its budget), z3's refutation waits for cvc5 as before, so that cvc5's
    /// model is shown whenever cvc5 refutes.</item>
    /// <item>A refutation or a vacuity finding from the <paramref name="preferred"/> solver (cvc5) wins at once too,
    /// showing the smallest counterexample when there is one, else its own model.</item>
    /// <item>An unsat waits for the other solver, so a Verified is confirmed by both whenever both can decide, and
    /// a contradiction is caught.</item>
    /// </list>
    /// A model that does not satisfy the step arrives here as Failed (see <see cref="ObligationRun"/>) and so never
    /// wins. Each solver decides from a reset state, so its own answer does not depend on earlier obligations either.
    /// A loser still working when the race is settled is handed to <paramref name="stragglers"/>: given a moment to
    /// finish (and so keep its process), else stopped; the result never waits for it.
    /// </summary>
    public static async Task<SolverOutcome> RaceAsync(
        Func<CancellationToken, Task<SolverOutcome>> preferred, Func<CancellationToken, Task<SolverOutcome>> other,
        Func<SolverOutcome, SolverOutcome?> smallest, Stragglers stragglers, CancellationToken cancellationToken)
    {
        var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var handedOver = false;
        try
        {
            var mine = Run(preferred);
            var theirs = Run(other);
            var loser = mine;
            var (winner, settled) = (await Task.WhenAny(mine, theirs).ConfigureAwait(false)) == theirs
                ? Settle(await theirs.ConfigureAwait(false), isPreferred: false)
                : (null, null);
            if (settled is null)
            {
                loser = theirs;
                (winner, settled) = Settle(await mine.ConfigureAwait(false), isPreferred: true);
            }

            if (settled is not null)
            {
                if (!loser.IsCompleted)
                {
                    // Its outcome would only be read had it finished already (below), so the result is the same
                    // whether it finishes in the background or is stopped.
                    stragglers.Add(loser, race);
                    handedOver = true;
                    return settled;
                }

                var stopped = await loser.ConfigureAwait(false);
                // The other solver may have finished in the meantime: a contradiction is then reported, and so is a
                // solver fault (a model that does not satisfy the step) as a note; anything else is left out so the
                // report does not depend on how far the other solver got.
                return stopped switch
                {
                    not null when Disagree(winner!, stopped) => Combine(winner!, stopped),
                    { Verdict: Verdict.Failed } => settled with { Diagnostics = [.. settled.Diagnostics, .. stopped.Diagnostics.Select(d => d with { Severity = DiagnosticSeverity.Information })] },
                    _ => settled,
                };
            }

            var second = await theirs.ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var combined = Combine(mine.Result!, second!);
            return combined.Verdict == Verdict.Refuted ? smallest(combined) ?? combined : combined;
        }
        finally
        {
            if (!handedOver)
            {
                race.Dispose();
            }
        }

        (SolverOutcome? Winner, SolverOutcome? Settled) Settle(SolverOutcome? outcome, bool isPreferred) => outcome switch
        {
            { Verdict: Verdict.Refuted } when smallest(outcome) is { } shown => (outcome, shown),
            { Verdict: Verdict.Refuted or Verdict.Rejected } when isPreferred => (outcome, outcome),
            _ => (null, null),
        };

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
