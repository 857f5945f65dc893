using ProofCheck.Coq.Audit;
using ProofCheck.Coq.Running;
using ProofCheck.Coq.Submission;
using ProofCheck.Coq.Syntax;
using ProofCheck.Core;
using ProofCheck.Execution;

namespace ProofCheck.Coq;

/// <summary>
/// The coqc half of a check: compile the canonical library (preamble and statement), then the submission as
/// another library that imports it, then the closing file that compares the statements and prints the
/// assumptions. A failure in the submission is reported with its line in the model's text and the goal state
/// at the failing sentence.
/// </summary>
internal sealed class CompileAndClose(CheckRun run, CoqWorkspace workspace, CanonicalLibraryCache? libraries, Func<string, CandidateFile> buildCandidate, CoqSentence theorem, bool warmClosing)
{
    private const int MaxGoalChars = 4000;

    private CandidateFile candidateFile = null!;

    private string Code => candidateFile.Text;

    private int LineOffset => candidateFile.LineOffset;

    private IReadOnlyList<CoqSentence> Sentences => candidateFile.Sentences;

    public async Task<CheckReport> RunAsync(CancellationToken cancellationToken)
    {
        run.CoqcRan = true;
        var (library, failure) = await CanonicalLibraryCache.GetAsync(libraries, workspace,
            ClosingFiles.Canonical(run.Canonical.Preamble, run.Canonical.AsProposition()), cancellationToken).ConfigureAwait(false);
        if (library is null)
        {
            return CanonicalFailed(failure!);
        }

        candidateFile = buildCandidate(library.QualifiedName);
        var statementPaths = new[] { (library.Folder, library.Prefix) };
        var submissionFolder = workspace.Stage("submission");
        var submissionPaths = new[] { (submissionFolder, workspace.CandidatePrefix) };

        // The clean-context stage loads its libraries while the submission compiles (see ClosingProver).
        await using var prover = warmClosing && workspace.Coq.Coqtop is { } coqtop
            ? ClosingProver.Start(workspace, coqtop, library, Preloads(), cancellationToken)
            : null;
        var candidate = await workspace.CompileAsync("submission", ClosingFiles.CandidateLibrary, Code,
            [.. statementPaths, .. submissionPaths], cancellationToken, timed: true).ConfigureAwait(false);
        if (candidate.TimedOut)
        {
            return TimedOut();
        }

        if (candidate.ExitCode != 0)
        {
            if (prover is not null)
            {
                await prover.DisposeAsync().ConfigureAwait(false);
            }

            return run.Report(Verdict.Failed, await SubmissionErrorsAsync(candidate, statementPaths, cancellationToken).ConfigureAwait(false));
        }

        var candidateHashAfterStage = CoqWorkspace.HashOf(submissionFolder, ClosingFiles.CandidateLibrary);

        // coqc's own sentence split is the reference: text the audit read as a comment or string, or split
        // elsewhere, was never audited.
        if (SentenceAgreement.FirstDifference(Code, Sentences, candidate.StandardOutput, LineOffset) is { } difference)
        {
            run.Findings.Add(new AuditFinding(AuditRules.Reading.Name, difference, TheoremSpan(), AuditRules.Reading.Reason));
            return run.Report(Verdict.Rejected, []);
        }

        run.Checked.Add(AuditRules.StatementMeaning.ToString());
        run.Checked.Add(AuditRules.Assumptions.ToString());
        // What passes to the closing stage is what the earlier stages produced, unchanged since they ended (the
        // canonical library: since it was compiled, possibly by an earlier check that stored it in the cache).
        var canonicalHash = CoqWorkspace.HashOf(library.Folder, ClosingFiles.CanonicalLibrary);
        var candidateHash = CoqWorkspace.HashOf(submissionFolder, ClosingFiles.CandidateLibrary);
        run.Checked.Add($"stage isolation: {ClosingFiles.CanonicalLibrary}.vo sha256 {canonicalHash}{(library.Reused ? " (compiled once for this statement, reused)" : string.Empty)}, {ClosingFiles.CandidateLibrary}.vo sha256 {candidateHash}{(prover is null ? string.Empty : " (copied into the clean-context stage's own folder after the submission stage ended, hash checked again)")}");
        if (canonicalHash is null || canonicalHash != library.Sha256 || candidateHash is null || candidateHash != candidateHashAfterStage)
        {
            run.Findings.Add(new AuditFinding(AuditRules.OutputAndState.Name,
                "a compiled library changed or vanished after its stage ended", TheoremSpan(), AuditRules.OutputAndState.Reason));
            return run.Report(Verdict.Rejected, []);
        }

        ClosingOutcome closing;
        if (prover is not null)
        {
            // The candidate's library passes to the clean-context stage as a copy ProofCheck makes now that the
            // submission stage has ended, into a folder that stage never had.
            File.Copy(Path.Combine(submissionFolder, ClosingFiles.CandidateLibrary + ".vo"), Path.Combine(prover.Folder, ClosingFiles.CandidateLibrary + ".vo"), overwrite: true);
            if (CoqWorkspace.HashOf(prover.Folder, ClosingFiles.CandidateLibrary) != candidateHash)
            {
                run.Findings.Add(new AuditFinding(AuditRules.OutputAndState.Name,
                    "the candidate library changed while it was copied to the clean-context stage", TheoremSpan(), AuditRules.OutputAndState.Reason));
                return run.Report(Verdict.Rejected, []);
            }

            closing = await prover.FinishAsync(library.Prefix, workspace.CandidatePrefix, run.Canonical.Name).ConfigureAwait(false);
        }
        else
        {
            closing = ClosingOutcome.OfCoqc(await workspace.CompileAsync("closing", "Closing",
                ClosingFiles.Check(library.Prefix, workspace.CandidatePrefix, run.Canonical.Name),
                [.. statementPaths, .. submissionPaths], cancellationToken).ConfigureAwait(false));
        }

        var proverName = prover is null ? "coqc" : "coqtop";
        if (closing.Result.TimedOut)
        {
            return run.Report(Verdict.Timeout, [Diagnostic.Error(
                $"The statement comparison did not finish within the time limit ({(run.Request.Timeout ?? CoqTarget.DefaultTimeout).TotalSeconds:0.#} s).", source: CoqChecker.Name)]);
        }

        var theoremSpan = TheoremSpan();
        if (closing.Result.Signal is { } signal)
        {
            // Only a type error is evidence that the statement means something else; a killed or crashed prover is not.
            return run.Report(Verdict.Failed, [Diagnostic.Error(KilledMessage(signal, closing.Result, proverName), source: CoqChecker.Name)]);
        }

        if (closing.Errors.Count > 0)
        {
            run.Findings.Add(new AuditFinding(AuditRules.StatementMeaning.Name,
                $"'{run.Canonical.Name}' does not have the canonical statement's type in a clean context (a notation, scope, coercion or redefinition changed its meaning): {Shorten(closing.Errors[0].Message)}",
                theoremSpan, AuditRules.StatementMeaning.Reason));
            return run.Report(Verdict.Rejected, []);
        }

        if (closing.Assumptions is null)
        {
            return run.Report(Verdict.Failed, [Diagnostic.Error(
                $"{proverName} failed on the statement comparison (exit code {closing.Result.ExitCode}): {Shorten((closing.Result.StandardError + "\n" + closing.Result.StandardOutput).Trim())}",
                source: CoqChecker.Name)]);
        }

        var assumptions = AssumptionsReport.Parse(closing.Assumptions);
        var allowed = run.Request.AllowedAxioms ?? [];
        foreach (var line in assumptions.Unsafe)
        {
            run.Findings.Add(new AuditFinding(AuditRules.Assumptions.Name, line, theoremSpan, AuditRules.Assumptions.Reason));
        }

        var candidateLibrary = $"{workspace.CandidatePrefix}.{ClosingFiles.CandidateLibrary}";
        foreach (var axiom in assumptions.Axioms)
        {
            if (AssumptionsReport.DeclaredIn(axiom, candidateLibrary))
            {
                run.Findings.Add(new AuditFinding(AuditRules.Assumptions.Name,
                    $"depends on axiom {axiom}, which the submission declares itself" + (allowed.Count == 0 ? " (this problem allows none)" : " (an axiom of the submission's own is never allowed, whatever its name)"),
                    theoremSpan, AuditRules.Assumptions.Reason));
            }
            else if (!AssumptionsReport.IsAllowed(axiom, allowed))
            {
                run.Findings.Add(new AuditFinding(AuditRules.Assumptions.Name,
                    $"depends on axiom {axiom}" + (allowed.Count == 0 ? " (this problem allows none)" : $" (allowed: {string.Join(", ", allowed)})"),
                    theoremSpan, AuditRules.Assumptions.Reason));
            }
        }

        if (run.Findings.Count > 0)
        {
            return run.Report(Verdict.Rejected, []);
        }

        var warnings = CoqMessageParser.Parse(candidate.StandardError).Select(ToDiagnostic).ToList();
        return run.Report(Verdict.Verified, warnings);
    }

    /// <summary>
    /// Which limit stopped coqc: the time limit ends a check as Timeout before this is reached, so a kill is the
    /// memory limit (or, without a sandbox, something outside ProofCheck).
    /// </summary>
    private string KilledMessage(int signal, ProcessResult result, string prover = "coqc")
    {
        var limit = (run.Request.Timeout ?? CoqTarget.DefaultTimeout).TotalSeconds;
        var memory = $"{workspace.MemoryLimitBytes / (1024 * 1024)} MiB";
        return result.Sandboxed
            ? $"{prover} was killed by signal {signal} after {result.Duration.TotalSeconds:0.#} s, before the time limit ({limit:0.#} s): it hit the sandbox's memory limit ({memory} of address space)"
            : $"{prover} was killed by signal {signal} after {result.Duration.TotalSeconds:0.#} s, before the time limit ({limit:0.#} s); without the sandbox no memory limit applies, so something outside ProofCheck stopped it (the system's out-of-memory killer?)";
    }

    /// <summary>
    /// The libraries the candidate requires, as plain <c>Require</c> sentences (no <c>Import</c>: the clean context
    /// imports nothing): only unwrapped top-level <c>Require</c>/<c>From … Require</c> sentences, whose libraries
    /// the candidate's compiled library depends on, so loading them first changes nothing but when they load.
    /// </summary>
    private IEnumerable<string> Preloads() =>
        Sentences.Where(s => !s.IsFocusMarker && s.Body.Count > 1 && SentenceHead.CommandTokens(s).Count == s.Body.Count && (s.Body[0].Is("Require") || s.Body[0].Is("From")))
            .Select(s => string.Join(' ', s.Body.Where((t, i) => !(i > 0 && s.Body[i - 1].Is("Require") && (t.Is("Import") || t.Is("Export")))).Select(t => t.Text.Trim())) + ".");

    private SourceSpan TheoremSpan() => new(theorem.Line + run.Source!.LineOffset, theorem.Column + 1);

    private CheckReport CanonicalFailed(ProcessResult canonical)
    {
        if (canonical.TimedOut)
        {
            return TimedOut();
        }

        if (canonical.Signal is { } killed)
        {
            return run.Report(Verdict.Failed, [Diagnostic.Error(KilledMessage(killed, canonical), source: CoqChecker.Name)]);
        }

        var why = CoqMessageParser.Parse(canonical.StandardError).FirstOrDefault()?.Message ?? canonical.StandardError.Trim();
        return run.Report(Verdict.Failed, [Diagnostic.Error(
            $"The canonical statement does not compile on its own, so nothing can be checked against it: {why}", source: "statement")]);
    }

    private CheckReport TimedOut() => run.Report(Verdict.Timeout, [Diagnostic.Error(
        $"coqc did not finish within the time limit ({(run.Request.Timeout ?? CoqTarget.DefaultTimeout).TotalSeconds:0.#} s).", source: CoqChecker.Name)]);

    private async Task<IReadOnlyList<Diagnostic>> SubmissionErrorsAsync(ProcessResult result, (string, string)[] statementPaths, CancellationToken cancellationToken)
    {
        var messages = CoqMessageParser.Parse(result.StandardError);
        var diagnostics = messages.Select(ToDiagnostic).ToList();
        if (!messages.Any(m => m.Severity == DiagnosticSeverity.Error))
        {
            var text = (result.StandardError + "\n" + result.StandardOutput).Trim();
            diagnostics.Add(Diagnostic.Error(
                result.Signal is { } signal
                    ? KilledMessage(signal, result)
                    : $"coqc failed (exit code {result.ExitCode}): {Shorten(text)}",
                source: CoqChecker.Name));
            return diagnostics;
        }

        var first = messages.First(m => m.Severity == DiagnosticSeverity.Error);
        var index = diagnostics.FindIndex(d => d.Severity == DiagnosticSeverity.Error);
        var goal = await GoalBeforeAsync(first, statementPaths, cancellationToken).ConfigureAwait(false);
        if (goal is not null)
        {
            diagnostics[index] = diagnostics[index] with { Goal = goal };
        }

        return diagnostics;
    }

    /// <summary>
    /// Re-runs the submission up to (not including) the failing sentence, then <c>Show.</c>: what coqc prints
    /// is the goal state the failing tactic faced. Null when the failure was not inside a proof.
    /// </summary>
    private async Task<string?> GoalBeforeAsync(CoqMessage error, (string, string)[] statementPaths, CancellationToken cancellationToken)
    {
        if (error.OffsetIn(Code) is not { } offset)
        {
            return null;
        }

        var failing = Sentences.FirstOrDefault(s => s.Start <= offset && offset < Math.Max(s.End, s.Start + 1))
            ?? Sentences.LastOrDefault(s => s.Start <= offset);
        if (failing is null)
        {
            return null;
        }

        var prefix = Code[..failing.Start] + "\nShow.\n";
        var result = await workspace.CompileAsync("goal", "Goal", prefix, statementPaths, cancellationToken).ConfigureAwait(false);
        var goal = result.StandardOutput.Trim();
        if (result.TimedOut || goal.Length == 0 || goal.StartsWith("No focused proof", StringComparison.Ordinal))
        {
            return null;
        }

        return goal.Length > MaxGoalChars ? goal[..MaxGoalChars] + "\n…" : goal;
    }

    private Diagnostic ToDiagnostic(CoqMessage m) =>
        new(m.Severity, m.Message, m.SpanIn(Code, LineOffset)) { Source = CoqChecker.Name };

    private static string Shorten(string text) => text.Length > 1500 ? text[..1500] + "…" : text;
}
