using System.Diagnostics;
using ProofCheck.Core;
using ProofCheck.Smt.Checking;
using ProofCheck.Smt.Obligations;
using ProofCheck.Smt.Solvers;

namespace ProofCheck.Smt;

/// <summary>
/// The "smt" checker: an obligation file is split, each obligation is validated against the safe subset, and
/// the valid ones are decided by long-lived z3/cvc5 processes from pools kept for the checker's lifetime.
/// A solver that crashes or hangs is replaced and its obligation retried once.
/// </summary>
public sealed class SmtChecker(SmtCheckerOptions? options = null) : IProofChecker, IAsyncDisposable
{
    private readonly SmtCheckerOptions _options = options ?? new SmtCheckerOptions();
    private readonly Dictionary<(SolverProfile Profile, TimeSpan Limit, bool Sandboxed), SolverPool> _pools = [];
    private readonly Lock _poolsLock = new();
    private int _disposed;

    public string Target => "smt";

    /// <summary>Called with a solver's process id as each request is sent to it (tests kill solvers mid-obligation).</summary>
    internal Action<int>? RequestSending { get; set; }

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
            return Report(request, [new ObligationResult("whole file", Verdict.Failed)
            {
                Diagnostics = [Diagnostic.Error($"SMT-LIB syntax error: {syntax.Message}", syntax.Span, "parser")],
            }], []);
        }

        if (drafts.Count == 0)
        {
            return Report(request, [new ObligationResult("whole file", Verdict.Failed)
            {
                Diagnostics = [Diagnostic.Error("the file holds no obligation (expected declarations, hypotheses, (assert (not CLAIM)) and (check-sat))", null, "parser")],
            }], []);
        }

        var findings = new List<AuditFinding>();
        var checks = new List<Task<ObligationResult>>();
        var limit = request.Timeout ?? _options.DefaultTimeout;
        var pools = new Lazy<IReadOnlyList<SolverPool>>(() => PoolsFor(limit, request.Sandboxed));
        foreach (var draft in drafts)
        {
            var (obligation, refused) = SafeSubset.Validate(draft);
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
        return Report(request, results, findings) with { CheckerVersion = version };
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

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

    /// <summary>The pools of the selected solver(s) for this limit and sandbox setting; throws CheckerUnavailable with install advice (CheckAsync turns it into a verdict).</summary>
    internal IReadOnlyList<SolverPool> PoolsFor(TimeSpan limit, bool sandboxed)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        IReadOnlyList<SolverProfile> profiles = _options.Solver == SolverKind.Both
            ? [SolverProfile.Z3, SolverProfile.Cvc5]
            : [SolverProfile.For(_options.Solver)];
        var pools = new List<SolverPool>();
        lock (_poolsLock)
        {
            foreach (var profile in profiles)
            {
                if (!_pools.TryGetValue((profile, limit, sandboxed), out var pool))
                {
                    pool = new SolverPool(profile, _options.PoolSize, limit, sandboxed) { RequestSending = RequestSending };
                    pool.EnsureAvailable();
                    _pools[(profile, limit, sandboxed)] = pool;
                }

                pools.Add(pool);
            }
        }

        return pools;
    }

    private static async Task<ObligationResult> CheckOneAsync(IReadOnlyList<SolverPool> pools, Obligation obligation, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(pools.Select(p => DecideAsync(p, obligation, cancellationToken))).ConfigureAwait(false);
        var outcome = outcomes.Length == 1 ? outcomes[0] : Portfolio.Combine(outcomes[0], outcomes[1]);
        return new ObligationResult(obligation.Label, outcome.Verdict)
        {
            Counterexample = outcome.Counterexample,
            Solver = outcome.Solver,
            Ms = stopwatch.ElapsedMilliseconds,
            Diagnostics = outcome.Diagnostics,
        };
    }

    /// <summary>One solver's outcome; a lost process (crash, hang) is replaced and the obligation tried once more.</summary>
    private static async Task<SolverOutcome> DecideAsync(SolverPool pool, Obligation obligation, CancellationToken cancellationToken)
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
                outcome = await ObligationRun.RunAsync(lease.Session, obligation, pool.QueryLimit, cancellationToken).ConfigureAwait(false);
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
        CheckReports.Of("smt", request, results) with { Audit = new AuditReport(SafeSubset.Rules, findings) };
}
