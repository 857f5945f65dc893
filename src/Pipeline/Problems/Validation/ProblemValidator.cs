using System.Diagnostics;
using ProofCheck.Coq;
using ProofCheck.Core;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Pipeline.Problems.Validation;

/// <summary>
/// Checks a problem set: every manifest, every statement file (generated ones included), every reference proof
/// (must be Verified) and every broken copy (must not be), with whatever checkers this machine has. A check that
/// needs a missing tool is reported as <see cref="ValidationStatus.NotRun"/> with the reason, never skipped silently.
/// </summary>
public sealed class ProblemValidator(ValidationOptions options)
{
    /// <summary>Names of the checks, in the order they are listed for each problem.</summary>
    public static readonly IReadOnlyList<string> CheckNames =
    [
        "manifest", "statement.md", "statement.lean", "lean parse", "lean elaboration",
        "statement.v", "proof.v", "broken.v", "proof.lean", "broken.lean",
    ];

    /// <summary>
    /// Runs every check on <paramref name="set"/>, calling <paramref name="onResult"/> as each finishes (from one
    /// thread at a time), and returns all results in a stable order: by problem, then by check.
    /// </summary>
    public async Task<IReadOnlyList<ProblemCheckResult>> ValidateAsync(
        ProblemSet set, Action<ProblemCheckResult, int, int>? onResult = null, CancellationToken cancellationToken = default)
    {
        var immediate = new List<ProblemCheckResult>();
        foreach (var error in set.Errors)
        {
            immediate.Add(new ProblemCheckResult(FolderOf(set, error), "manifest", ValidationStatus.Failed, error.ToString()) { File = error.File });
        }

        var jobs = set.All.SelectMany(Jobs).ToList();
        var total = immediate.Count + jobs.Count;
        var done = 0;
        var gate = new object();
        var results = new List<ProblemCheckResult>(immediate);

        void Report(ProblemCheckResult r)
        {
            lock (gate)
            {
                results.Add(r);
                done++;
                onResult?.Invoke(r, done, total);
            }
        }

        immediate.ForEach(r =>
        {
            done++;
            onResult?.Invoke(r, done, total);
        });

        await Parallel.ForEachAsync(
            jobs,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism, CancellationToken = cancellationToken },
            async (job, ct) => Report(await Timed(job, ct).ConfigureAwait(false))).ConfigureAwait(false);

        var problemOrder = set.All.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var checkOrder = CheckNames.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        return [.. results
            .OrderBy(r => problemOrder.GetValueOrDefault(r.ProblemId, -1))
            .ThenBy(r => r.ProblemId, StringComparer.Ordinal)
            .ThenBy(r => checkOrder.GetValueOrDefault(r.Check, int.MaxValue))];
    }

    private static async Task<ProblemCheckResult> Timed(Func<CancellationToken, Task<ProblemCheckResult>> job, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var result = await job(ct).ConfigureAwait(false);
        return result with { Ms = watch.ElapsedMilliseconds };
    }

    private IEnumerable<Func<CancellationToken, Task<ProblemCheckResult>>> Jobs(Problem problem)
    {
        yield return _ => Task.FromResult(Result(problem, "manifest", ValidationStatus.Passed, problem.IsVariant ? $"generated with {Describe(problem.Parameters)}" : string.Empty, ProblemFiles.Manifest));
        yield return _ => Task.FromResult(Shape(problem, "statement.md", StatementShape.CheckMarkdown(problem.StatementMarkdown), ProblemFiles.Markdown));

        if (problem.LeanStatement is { } lean)
        {
            yield return _ => Task.FromResult(Shape(problem, "statement.lean", StatementShape.CheckLean(lean, problem.MainTheorem), ProblemFiles.LeanStatement));
            yield return _ => Task.FromResult(LeanParse(problem, lean));
            yield return _ => Task.FromResult(Result(problem, "lean elaboration", ValidationStatus.NotRun,
                "elaborating a Lean statement needs Lean 4 with Mathlib (lake env lean), which validate does not drive", ProblemFiles.LeanStatement));
        }

        if (problem.CoqStatement is { } coq)
        {
            yield return ct => CoqStatement(problem, coq, ct);
        }

        foreach (var (target, file) in ProblemFiles.ReferenceProof)
        {
            if (problem.ReferenceProofs.TryGetValue(target, out var proof))
            {
                yield return ct => Proof(problem, target, file, proof, mustVerify: true, ct);
            }

            if (problem.BrokenProofs.TryGetValue(target, out var broken))
            {
                yield return ct => Proof(problem, target, ProblemFiles.BrokenProof[target], broken, mustVerify: false, ct);
            }
        }
    }

    private ProblemCheckResult LeanParse(Problem problem, string lean)
    {
        if (options.LeanMainTheorem is null)
        {
            return Result(problem, "lean parse", ValidationStatus.NotRun, "no Lean grammar in this build", ProblemFiles.LeanStatement);
        }

        try
        {
            var name = options.LeanMainTheorem(lean);
            return name == problem.MainTheorem
                ? Result(problem, "lean parse", ValidationStatus.Passed, string.Empty, ProblemFiles.LeanStatement)
                : Result(problem, "lean parse", ValidationStatus.Failed, $"the main theorem found by the Lean grammar is '{name}', the manifest says '{problem.MainTheorem}'", ProblemFiles.LeanStatement);
        }
        catch (FormatException e)
        {
            return Result(problem, "lean parse", ValidationStatus.Failed, e.Message, ProblemFiles.LeanStatement);
        }
    }

    private async Task<ProblemCheckResult> CoqStatement(Problem problem, string statement, CancellationToken ct)
    {
        if (StatementShape.CheckCoq(statement, problem.MainTheorem) is { } shape)
        {
            return Result(problem, "statement.v", ValidationStatus.Failed, shape, ProblemFiles.CoqStatement);
        }

        var (ran, error) = await CoqStatementCompiler.CompileAsync(statement, options.Sandboxed, options.Timeout, ct).ConfigureAwait(false);
        if (!ran)
        {
            return Result(problem, "statement.v", ValidationStatus.NotRun, "shape checked, but coqc is not installed to compile it", ProblemFiles.CoqStatement);
        }

        return error is null
            ? Result(problem, "statement.v", ValidationStatus.Passed, "compiles with coqc", ProblemFiles.CoqStatement)
            : Result(problem, "statement.v", ValidationStatus.Failed, error, ProblemFiles.CoqStatement);
    }

    private async Task<ProblemCheckResult> Proof(Problem problem, string target, string file, string proof, bool mustVerify, CancellationToken ct)
    {
        var checker = options.Checkers.FirstOrDefault(c => c.Target == target);
        if (checker is null)
        {
            return Result(problem, file, ValidationStatus.NotRun, $"no {target} checker is available in this build", file);
        }

        var request = new CheckRequest(proof)
        {
            CanonicalStatement = StatementFor(problem, target),
            AllowedAxioms = problem.AllowedAxioms.GetValueOrDefault(target),
            AllowedImports = problem.AllowedImports.GetValueOrDefault(target),
            Timeout = options.Timeout,
            Sandboxed = options.Sandboxed,
        };

        // A missing checker comes back as a CheckerUnavailable report (IProofChecker's contract), handled below.
        var report = await checker.CheckAsync(request, ct).ConfigureAwait(false);

        var why = Explain(report);
        return (report.Verdict, mustVerify) switch
        {
            (Verdict.CheckerUnavailable, _) => Result(problem, file, ValidationStatus.NotRun, why, file),
            (Verdict.Verified, true) => Result(problem, file, ValidationStatus.Passed, "Verified", file),
            (_, true) => Result(problem, file, ValidationStatus.Failed, $"the reference proof must be Verified but is {report.VerdictText}: {why}", file),
            (Verdict.Verified, false) => Result(problem, file, ValidationStatus.Failed, "the broken copy was Verified: the checker accepted a proof that must fail", file),
            (_, false) => Result(problem, file, ValidationStatus.Passed, $"{report.VerdictText} as it must be: {why}", file),
        };
    }

    private static string? StatementFor(Problem problem, string target) =>
        CheckTargets.Find(target) is { } t ? CheckTargets.StatementOf(problem, t) : null;

    private static string Explain(CheckReport report)
    {
        var first = report.Audit is { Passed: false } audit
            ? audit.Findings.Select(f => f.ToString())
            : report.Obligations.SelectMany(o => o.Diagnostics).Concat(report.Diagnostics).Select(d => d.ToString());
        var text = string.Join(" | ", first.Take(2)).ReplaceLineEndings(" ");
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private static ProblemCheckResult Shape(Problem problem, string check, string? problemText, string file) =>
        problemText is null
            ? Result(problem, check, ValidationStatus.Passed, string.Empty, file)
            : Result(problem, check, ValidationStatus.Failed, problemText, file);

    private static ProblemCheckResult Result(Problem problem, string check, ValidationStatus status, string detail, string file) =>
        new(problem.Id, check, status, detail) { File = problem.Sources.GetValueOrDefault(file, Path.Combine(problem.Directory, file)) };

    private static string Describe(IReadOnlyDictionary<string, string> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}"));

    private static string FolderOf(ProblemSet set, ProblemError error)
    {
        var relative = Path.GetRelativePath(set.Directory, error.File);
        var first = relative.Split(Path.DirectorySeparatorChar)[0];
        return first == ".." || first == "." ? error.File : first;
    }
}
