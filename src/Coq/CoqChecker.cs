using System.Diagnostics;
using ProofCheck.Coq.Audit;
using ProofCheck.Coq.Running;
using ProofCheck.Coq.Statement;
using ProofCheck.Coq.Submission;
using ProofCheck.Coq.Syntax;
using ProofCheck.Core;
using ProofCheck.Execution;

namespace ProofCheck.Coq;

/// <summary>
/// Checks a Coq proof of a problem's canonical statement with the real coqc: text audit, statement gate (a),
/// compile, clean-context statement gate (b), axiom policy. See src/Coq/README.md.
/// </summary>
public sealed class CoqChecker : IProofChecker
{
    public const string Name = "coqc";

    private readonly CanonicalLibraryCache? libraries;
    private readonly bool warmClosing;

    /// <summary>A checker that reuses compiled canonical libraries from the user's cache (see <see cref="CanonicalLibraryCache"/>).</summary>
    public CoqChecker()
        : this(CanonicalLibraryCache.Default)
    {
    }

    /// <summary>
    /// A checker with its own library cache, or none (null: every check compiles its canonical library).
    /// <paramref name="warmClosing"/> false runs the clean-context stage as a coqc of its own after the submission
    /// stage instead of a coqtop started beside it (the benchmark compares both).
    /// </summary>
    internal CoqChecker(CanonicalLibraryCache? libraries, bool warmClosing = true)
    {
        this.libraries = libraries;
        this.warmClosing = warmClosing;
    }

    public string Target => CoqTarget.Name;

    /// <summary>
    /// Reads a canonical statement file and returns its main theorem's name; throws <see cref="UserInputException"/>
    /// with the reason when it has none (so a command line can refuse a bad --statement before checking).
    /// </summary>
    public static string MainTheoremOf(string statement) => CanonicalStatement.Parse(statement).Name;

    public async Task<CheckReport> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stopwatch = Stopwatch.StartNew();
        CanonicalStatement canonical;
        try
        {
            canonical = CanonicalStatement.Parse(request.CanonicalStatement
                ?? throw new UserInputException("A Coq check needs the problem's canonical statement (statement.v)."));
        }
        catch (UserInputException e)
        {
            // The statement, not the proof, is at fault; that is still a report, never an exception.
            return CheckRun.StatementUnusable(request, e.Message, stopwatch);
        }

        var run = new CheckRun(request, canonical, stopwatch);

        var source = CoqSourceExtractor.Extract(request.Submission, out var extractProblem);
        if (source is null)
        {
            return run.Report(Verdict.Failed, [Diagnostic.Error($"Nothing usable to check: {extractProblem}.", source: "input")]);
        }

        run.Source = source;
        var split = SentenceSplitter.Split(source.Code);
        if (split.Problems.Count > 0)
        {
            return run.Report(Verdict.Failed, split.Problems.Select(p =>
                Diagnostic.Error(p.Message, new SourceSpan(p.Line + source.LineOffset, p.Column + 1), "lexer")).ToList());
        }

        var coq = await CoqInstallation.FindAsync(cancellationToken).ConfigureAwait(false);
        if (coq is null)
        {
            return run.Report(Verdict.CheckerUnavailable, [Diagnostic.Error(
                "coqc is not installed or does not run. " + CoqTarget.InstallAdvice, source: Name)]);
        }

        run.Version = coq.Version;
        var allowlist = new LibraryAllowlist(coq.StandardLibrary, request.AllowedImports);
        run.Checked.AddRange(AuditRules.TextRules.Select(r => r.ToString()));
        // A token-identical restatement of the canonical preamble is not the submission's own code: it is replaced
        // by the canonical library itself, so only what follows it is audited.
        var preambleCopy = CandidateFile.PreambleCopyLength(split.Sentences, SentenceSplitter.Split(canonical.Preamble).Sentences);
        run.Findings.AddRange(CoqAudit.Run(CandidateFile.Own(split.Sentences, preambleCopy), allowlist, source.LineOffset));

        run.Checked.Add(AuditRules.StatementTokens.ToString());
        var match = StatementGate.Find(split.Sentences, canonical);
        if (match.Problem is not null)
        {
            var at = match.Theorem is { } s ? new SourceSpan(s.Line + source.LineOffset, s.Column + 1) : new SourceSpan(1 + source.LineOffset, 1);
            run.Findings.Add(new AuditFinding(AuditRules.StatementTokens.Name, match.Problem, at, AuditRules.StatementTokens.Reason));
        }

        if (run.Findings.Count > 0)
        {
            return run.Report(Verdict.Rejected, []);
        }

        if (request.Sandboxed && !Sandbox.IsAvailable)
        {
            return run.Report(Verdict.CheckerUnavailable, [Diagnostic.Error($"The sandbox cannot run: {Sandbox.WhyUnavailable} {Sandbox.InstallAdvice}", source: "sandbox")]);
        }

        using var workspace = new CoqWorkspace(coq, request.Sandboxed, request.Timeout ?? CoqTarget.DefaultTimeout);
        return await new CompileAndClose(run, workspace, libraries,
            library => CandidateFile.Build(source, split.Sentences, canonical.Preamble, library), match.Theorem!, warmClosing).RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
