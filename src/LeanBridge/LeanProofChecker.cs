using System.Diagnostics;
using ProofCheck.Core;
using ProofCheck.LeanBridge.Audit;
using ProofCheck.LeanBridge.Extraction;
using ProofCheck.LeanBridge.Fidelity;
using ProofCheck.LeanBridge.Messages;
using ProofCheck.LeanBridge.Repl;
using ProofCheck.LeanBridge.Running;
using ProofCheck.LeanBridge.Syntax;

namespace ProofCheck.LeanBridge;

/// <summary>
/// Lean 4 as an <see cref="IProofChecker"/> (target "lean"): extraction, the static audit, statement gate (a), then
/// Lean itself (REPL mode for fast failures, file mode with gate (b), axioms and leanchecker for the verdict).
/// Without Lean the audit still runs and can reject; otherwise the verdict is CheckerUnavailable with install advice.
/// </summary>
public sealed class LeanProofChecker(LeanCheckerOptions? options = null) : IProofChecker, IAsyncDisposable
{
    private readonly LeanCheckerOptions options = options ?? new LeanCheckerOptions();
    private readonly Lock poolGate = new();
    private ReplPool? pool;

    public string Target => LeanTarget.Name;

    /// <summary>The REPL pool, once a REPL-mode check created it (for measurements).</summary>
    public ReplPool? Pool => pool;

    public Task<CheckReport> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A bad --lean-project or REPL path (UserInputException from discovery) is a verdict too, not an escape.
        return CheckReports.GuardAsync(Target, request, () => CheckGuardedAsync(request, cancellationToken));
    }

    private async Task<CheckReport> CheckGuardedAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var settings = options.Run with { Sandboxed = request.Sandboxed && options.Run.Sandboxed, Timeout = request.Timeout ?? options.Run.Timeout };
        var vetted = request.StatementVetted && request.CanonicalStatement is not null;

        ExtractedLean extracted;
        try
        {
            extracted = LeanExtraction.Extract(request.Submission);
        }
        catch (NoLeanCodeException e)
        {
            return Report("Lean proof", Verdict.Failed, [Diagnostic.Error(e.Message, null, "extraction")], null, null, settings, vetted, watch);
        }

        var candidate = LeanSyntax.Parse(extracted.Code);
        var canonical = request.CanonicalStatement is { } statement ? LeanSyntax.Parse(statement) : null;
        var allowedImports = request.AllowedImports ?? LeanAudit.ImportsAllowedBy([.. canonical?.Imports.Select(i => i.Module) ?? []]);
        var audit = Relocate(LeanAudit.Run(candidate, allowedImports, request.AllowedAxioms), extracted);
        var label = "main theorem " + (canonical?.LastTheorem?.FullName ?? candidate.LastTheorem?.FullName ?? "(none)");
        if (!audit.Passed)
        {
            return Report(label, Verdict.Rejected, [Diagnostic.Error($"the audit found {audit.Findings.Count} forbidden construct(s); nothing was run", null, "audit")], audit, null, settings, vetted, watch);
        }

        string mainName;
        if (canonical is { LastTheorem: null })
        {
            return Report(label, Verdict.Failed, [Diagnostic.Error("the canonical statement declares no theorem, so there is nothing to prove (a statement file ends with its main theorem)", null, "statement")], audit, null, settings, vetted, watch);
        }

        if (canonical is not null)
        {
            var match = StatementGate.Compare(canonical, candidate);
            if (!match.Matches)
            {
                var where = match.Where is { } w ? w with { Line = extracted.ToAnswerLine(w.Line), EndLine = w.EndLine is { } e ? extracted.ToAnswerLine(e) : null } : null;
                return Report(label, Verdict.Rejected, [Diagnostic.Error(match.Problem!, where, "statement")], audit, null, settings, vetted, watch);
            }

            mainName = match.Candidate!.FullName!;
        }
        else if (candidate.LastTheorem?.FullName is { } last)
        {
            mainName = last;
        }
        else
        {
            return Report(label, Verdict.Failed, [Diagnostic.Error("the submission declares no theorem to check", null, "statement")], audit, null, settings, vetted, watch);
        }

        LeanInstallation? lean;
        try
        {
            lean = await LeanDiscovery.FindAsync(LeanDiscovery.ResolveProject(options.ProjectDirectory), options.Tools, cancellationToken).ConfigureAwait(false);
        }
        catch (CheckerUnavailableException e)
        {
            return Unavailable(label, e.Message, e.Advice, audit, settings, vetted, watch);
        }

        if (lean is null)
        {
            return Unavailable(label, "Lean is not installed ('lean' was not found on PATH or in the project's toolchain); the audit passed, so the proof was not rejected, but it was not checked either.", LeanDiscovery.InstallAdvice, audit, settings, vetted, watch);
        }

        var modules = CleanContextModules.Build(request.CanonicalStatement, extracted.Code, mainName);
        var allowedAxioms = request.AllowedAxioms ?? AxiomReport.StandardAxioms;
        var notes = new List<Diagnostic>();
        try
        {
            if (options.Mode == LeanMode.Repl)
            {
                if (lean.Repl is null)
                {
                    notes.Add(new Diagnostic(DiagnosticSeverity.Warning, "REPL mode was asked for, but no Lean REPL was found (build leanprover-community/repl in the project, or set " + LeanDiscovery.ReplVariable + "); file mode only.") { Source = "repl" });
                }
                else
                {
                    var fast = await ReplModeCheck.RunAsync(PoolFor(lean, settings), modules.Candidate, extracted, modules.CandidateLineOffset, settings.Timeout, cancellationToken).ConfigureAwait(false);
                    if (fast is not null)
                    {
                        return Report(label, fast.Verdict, fast.Diagnostics, audit, lean, settings, vetted, watch);
                    }

                    notes.Add(new Diagnostic(DiagnosticSeverity.Information, "the REPL found no error; the verdict comes from file mode (clean-context comparison)") { Source = "repl" });
                }
            }

            var outcome = await FileModeCheck.RunAsync(lean, modules, extracted, allowedAxioms, settings, cancellationToken).ConfigureAwait(false);
            return Report(label, outcome.Verdict, [.. notes, .. outcome.Diagnostics], audit, lean, settings, vetted, watch);
        }
        catch (CheckerUnavailableException e)
        {
            return Unavailable(label, e.Message, e.Advice, audit, settings, vetted, watch);
        }
        catch (Execution.ProcessStartException e)
        {
            return Unavailable(label, e.Message, LeanDiscovery.InstallAdvice, audit, settings, vetted, watch);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (pool is not null)
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ReplPool PoolFor(LeanInstallation lean, LeanRunSettings settings)
    {
        lock (poolGate)
        {
            return pool ??= new ReplPool(work => ReplModeCheck.Command(lean, settings, work), options.ReplPoolSize);
        }
    }

    /// <summary>Audit positions are in the extracted code; the user needs them in the answer they gave.</summary>
    private static AuditReport Relocate(AuditReport audit, ExtractedLean extracted) =>
        extracted.FirstLine == 1
            ? audit
            : audit with { Findings = [.. audit.Findings.Select(f => f with { Span = f.Span with { Line = extracted.ToAnswerLine(f.Span.Line), EndLine = f.Span.EndLine is { } e ? extracted.ToAnswerLine(e) : null } })] };

    private static CheckReport Unavailable(string label, string message, string? advice, AuditReport audit, LeanRunSettings settings, bool vetted, Stopwatch watch) =>
        Report(label, Verdict.CheckerUnavailable, [Diagnostic.Error(advice is null ? message : $"{message} {advice}", null, "lean")], audit, null, settings, vetted, watch);

    private static CheckReport Report(
        string label, Verdict verdict, IReadOnlyList<Diagnostic> diagnostics, AuditReport? audit, LeanInstallation? lean, LeanRunSettings settings, bool vetted, Stopwatch watch) =>
        CheckReports.Of(LeanTarget.Name, null, [new ObligationResult(label, verdict) { Solver = "lean", Ms = watch.ElapsedMilliseconds, Diagnostics = diagnostics }]) with
        {
            CheckerVersion = lean?.Version,
            Sandboxed = settings.Sandboxed,
            StatementVetted = vetted,
            Audit = audit,
        };
}
