using System.Diagnostics;
using ProofCheck.Core;
using ProofCheck.Smt.Checking;
using ProofCheck.Smt.Evaluation;
using ProofCheck.Smt.Obligations;
using ProofCheck.Smt.Solvers;

namespace ProofCheck.Smt;

/// <summary>
/// The "smt" checker: an obligation file is split, each obligation is validated against the safe subset, and
/// the valid ones are decided by long-lived z3/cvc5 processes from pools kept for the checker's lifetime.
/// The solver receives the canonical printing of what the audit read, never the file's own bytes.
/// A solver that crashes is replaced and its obligation retried once.
/// </summary>
public sealed class SmtChecker(SmtCheckerOptions? options = null) : IProofChecker, IAsyncDisposable
{
    private readonly SmtCheckerOptions _options = options ?? new SmtCheckerOptions();
    private readonly Dictionary<(SolverProfile Profile, TimeSpan Limit, bool Sandboxed), SolverPool> _pools = [];
    private readonly Lock _poolsLock = new();
    private readonly Stragglers _stragglers = new();
    private int _disposed;

    private const string WholeFile = "whole file";

    public string Target => SmtTarget.Name;

    public Task<CheckReport> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CheckReports.GuardAsync(Target, request, () => CheckGuardedAsync(request, cancellationToken));
    }

    private async Task<CheckReport> CheckGuardedAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var (drafts, syntax) = ObligationFileReader.Read(request.Submission);
        if (syntax is not null)
        {
            return Report(request, [new ObligationResult(WholeFile, Verdict.Failed)
            {
                Diagnostics = [Diagnostic.Error($"SMT-LIB syntax error: {syntax.Message}", syntax.Span, "parser")],
            }], []);
        }

        if (drafts.Count == 0)
        {
            return Report(request, [new ObligationResult(WholeFile, Verdict.Failed)
            {
                Diagnostics = [Diagnostic.Error("the file holds no obligation (expected declarations, hypotheses, (assert (not CLAIM)) and (check-sat))", null, "parser")],
            }], []);
        }

        var findings = new List<AuditFinding>();
        var checks = new List<Task<ObligationResult>>();
        var obligations = new List<Obligation?>();
        var limit = request.Timeout ?? _options.DefaultTimeout;
        var pools = new Lazy<IReadOnlyList<SolverPool>>(() => PoolsFor(limit, request.Sandboxed));
        foreach (var draft in drafts)
        {
            var (obligation, refused) = SafeSubset.Validate(draft);
            if (obligation is not null && StepLogic.IsCircular(obligation))
            {
                refused = [new AuditFinding("circular", "claim", obligation.NegatedClaim.Arguments[0].Span, "the claim is already among the hypotheses (up to renaming and trivial rewriting), so the step proves nothing")];
                obligation = null;
            }

            obligations.Add(obligation);
            if (obligation is null)
            {
                findings.AddRange(refused);
                checks.Add(Task.FromResult(new ObligationResult(draft.Label, Verdict.Rejected)
                {
                    Diagnostics = [.. refused.Select(f => Diagnostic.Error($"{f.Construct} is not allowed ({f.Rule}): {f.Reason}", f.Span, "audit"))],
                }));
                continue;
            }

            checks.Add(CheckOneAsync(pools.Value, obligation, cancellationToken));
        }

        var results = await Task.WhenAll(checks).ConfigureAwait(false);
        var version = pools.IsValueCreated ? await VersionAsync(pools.Value).ConfigureAwait(false) : null;
        return Report(request, WithAssumptions(results, obligations), findings) with { CheckerVersion = version };
    }

    /// <summary>Each step's hypotheses that no earlier Verified step of the file proved.</summary>
    private static ObligationResult[] WithAssumptions(ObligationResult[] results, IReadOnlyList<Obligation?> obligations)
    {
        var proven = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < results.Length; i++)
        {
            if (obligations[i] is not { } obligation)
            {
                continue;
            }

            results[i] = results[i] with { Assumptions = StepLogic.Assumptions(obligation, proven) };
            if (results[i].Verdict == Verdict.Verified)
            {
                proven.UnionWith(StepLogic.ClaimConjuncts(obligation));
            }
        }

        return results;
    }

    /// <summary>The syntax error that made the whole file unreadable, when that is what the report says.</summary>
    public static Diagnostic? SyntaxErrorOf(CheckReport report) =>
        report is { Checker: SmtTarget.Name, Obligations: [{ Label: WholeFile, Verdict: Verdict.Failed, Diagnostics: [{ Source: "parser" } syntax] }] } ? syntax : null;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Race losers still finishing hold pool leases: stopped and handed back first, so closing the pools below
        // leaves no solver behind.
        await _stragglers.DisposeAsync().ConfigureAwait(false);
        List<SolverPool> pools;
        lock (_poolsLock)
        {
            pools = [.. _pools.Values];
            _pools.Clear();
        }

        foreach (var pool in pools)
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The pools of the selected solver(s) for this limit and sandbox setting; throws CheckerUnavailable with install
    /// advice (CheckAsync turns it into a verdict). Both and the portfolio make do with whichever of the two solvers is installed.
    /// </summary>
    internal IReadOnlyList<SolverPool> PoolsFor(TimeSpan limit, bool sandboxed)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        IReadOnlyList<SolverProfile> profiles = _options.Solver is SolverKind.Both or SolverKind.Portfolio
            ? [SolverProfile.Z3, SolverProfile.Cvc5]
            : [SolverProfile.For(_options.Solver)];
        var pools = new List<SolverPool>();
        CheckerUnavailableException? missing = null;
        lock (_poolsLock)
        {
            foreach (var profile in profiles)
            {
                if (!_pools.TryGetValue((profile, limit, sandboxed), out var pool))
                {
                    pool = new SolverPool(profile, _options.PoolSize, limit, sandboxed, _options.ModelReplyFilter);
                    try
                    {
                        pool.EnsureAvailable();
                    }
                    catch (CheckerUnavailableException e) when (_options.Solver is SolverKind.Both or SolverKind.Portfolio)
                    {
                        missing ??= e;
                        continue;
                    }

                    _pools[(profile, limit, sandboxed)] = pool;
                }

                pools.Add(pool);
            }
        }

        return pools.Count > 0 ? pools : throw missing!;
    }

    private async Task<ObligationResult> CheckOneAsync(IReadOnlyList<SolverPool> pools, Obligation obligation, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        SolverOutcome outcome;
        if (pools.Count == 1)
        {
            outcome = await DecideAsync(pools[0], obligation, reproducibleModel: true, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // One fixed preference, so a step's report never depends on which solver was faster: cvc5's model and
            // vacuity finding are the ones shown (cvc5 1.0.3 refutes nonlinear mod steps that z3 4.8.12 cannot decide).
            var preferred = pools.Single(p => p.Profile == SolverProfile.Cvc5);
            var other = pools.Single(p => p.Profile != SolverProfile.Cvc5);
            if (_options.Solver == SolverKind.Portfolio)
            {
                // Searched once per obligation, and only when a solver found it false (the search is a waste on a valid step).
                var smallest = new Lazy<string?>(() => SmallestCounterexample.Find(obligation));
                outcome = await Portfolio.RaceAsync(
                    t => DecideAsync(preferred, obligation, reproducibleModel: false, t),
                    t => DecideAsync(other, obligation, reproducibleModel: false, t),
                    refuted => smallest.Value is { } shown ? Smallest(refuted, shown, pools) : null,
                    _stragglers,
                    cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var outcomes = await Task.WhenAll(DecideAsync(preferred, obligation, reproducibleModel: false, cancellationToken), DecideAsync(other, obligation, reproducibleModel: false, cancellationToken)).ConfigureAwait(false);
                outcome = Portfolio.Combine(outcomes[0], outcomes[1]);
            }

            if (outcome is { Verdict: Verdict.Refuted, ModelFromWarmState: true })
            {
                // Only now is it known that this warm model is the one shown: it is computed again from a reset state.
                var z3 = pools.Single(p => p.Profile == SolverProfile.Z3);
                await using var lease = await z3.RentAsync(cancellationToken).ConfigureAwait(false);
                var reproduced = await ObligationRun.ReproduceAsync(lease.Session, outcome, obligation, z3.QueryLimit, cancellationToken).ConfigureAwait(false);
                outcome = reproduced with { Diagnostics = [.. outcome.Diagnostics, .. reproduced.Diagnostics.Where(d => !outcome.Diagnostics.Contains(d))] };
            }
        }

        return new ObligationResult(obligation.Label, outcome.Verdict)
        {
            Counterexample = outcome.Counterexample,
            Solver = outcome.Solver,
            ConfirmedBy = outcome.ConfirmedBy,
            Ms = stopwatch.ElapsedMilliseconds,
            Diagnostics = outcome.Diagnostics,
        };
    }

    /// <summary>
    /// A refutation shown with the counterexample found by evaluation. It names both solvers and carries none of the
    /// winner's notes: whichever solver answered first, the report is the same.
    /// </summary>
    private static SolverOutcome Smallest(SolverOutcome refuted, string counterexample, IReadOnlyList<SolverPool> pools) =>
        refuted with
        {
            Solver = string.Join('+', pools.Select(p => p.Profile.Name)),
            Counterexample = counterexample,
            ModelFromWarmState = false,
            ModelConfirmed = true,
            HypothesesAnswer = "sat",
            ClaimAnswer = "sat",
            Diagnostics = [new Diagnostic(DiagnosticSeverity.Information, "the counterexample shown is the smallest one, checked by evaluating the step under it; a solver found the claim false first") { Source = "evaluator" }],
        };

    /// <summary>One solver's outcome; a crashed process is replaced and the obligation tried once more (a hang is not retried).</summary>
    private static async Task<SolverOutcome> DecideAsync(SolverPool pool, Obligation obligation, bool reproducibleModel, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var notes = new List<Diagnostic>();
        SolverOutcome outcome;
        var attempt = 0;
        while (true)
        {
            attempt++;
            await using (var lease = await pool.RentAsync(cancellationToken).ConfigureAwait(false))
            {
                outcome = await ObligationRun.RunAsync(lease.Session, obligation, pool.QueryLimit, reproducibleModel, cancellationToken).ConfigureAwait(false);
            }

            if (!outcome.SolverLost || attempt == 2)
            {
                break;
            }

            notes.AddRange(outcome.Diagnostics.Select(d => d with { Severity = DiagnosticSeverity.Warning }));
            notes.Add(new Diagnostic(DiagnosticSeverity.Warning, $"the {pool.Profile.Name} process was replaced and the obligation retried once") { Source = pool.Profile.Name });
        }

        return outcome with { Ms = stopwatch.ElapsedMilliseconds, Diagnostics = [.. notes, .. outcome.Diagnostics] };
    }

    private static async Task<string?> VersionAsync(IReadOnlyList<SolverPool> pools)
    {
        var versions = await Task.WhenAll(pools.Select(p => SolverProbe.VersionAsync(p.Profile))).ConfigureAwait(false);
        var known = versions.Where(v => v is not null).ToList();
        return known.Count == 0 ? null : string.Join("; ", known);
    }

    private static CheckReport Report(CheckRequest request, IReadOnlyList<ObligationResult> results, IReadOnlyList<AuditFinding> findings) =>
        CheckReports.Of(SmtTarget.Name, request, results) with
        {
            // An SMT step states its own claim: there is no separate statement to vet.
            StatementVetted = null,
            Audit = new AuditReport(SafeSubset.Rules, findings),
        };
}
