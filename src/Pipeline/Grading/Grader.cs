using ProofCheck.Core;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Runs;
using ProofCheck.Pipeline.Store;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Pipeline.Grading;

/// <summary>
/// Grades one whole model answer (reasoning, proof, fenced code) against a problem for the requested targets, with
/// the same extraction and checkers as a run: each target's code is pulled out as a run would store it and handed
/// to that target's checker, then the reports are turned into a reward by a <see cref="RewardSpec"/>.
/// </summary>
public sealed class Grader(IReadOnlyDictionary<string, IProofChecker> checkers, int? checkTimeoutSeconds = null, bool sandboxed = true)
{
    /// <summary>The finish reasons (OpenAI "length", Anthropic "max_tokens") that mean the answer was cut off.</summary>
    private static readonly HashSet<string> TruncatedFinishReasons = new(StringComparer.OrdinalIgnoreCase) { "length", "max_tokens", "max_length" };

    /// <summary>The targets this grader has a checker for.</summary>
    public IReadOnlyCollection<string> Targets => [.. checkers.Keys];

    /// <summary>Whether <paramref name="finishReason"/> says the model stopped at its token limit.</summary>
    public static bool IsTruncated(string? finishReason) => finishReason is not null && TruncatedFinishReasons.Contains(finishReason);

    /// <summary>Whether <paramref name="target"/> can be graded on <paramref name="problem"/> (Coq needs a Coq statement, Lean a Lean one).</summary>
    public static bool Applies(Problem problem, string target) => CheckTargets.Applies(problem, target);

    /// <param name="statementVetted">False for a caller's own statement (<see cref="AdHocProblem"/>): reports then say "statement unvetted".</param>
    public async Task<Grade> GradeAsync(
        Problem problem,
        string completion,
        IReadOnlyList<string> targets,
        RewardSpec spec,
        string? finishReason,
        CancellationToken cancellationToken,
        bool statementVetted = true)
    {
        if (string.IsNullOrWhiteSpace(completion))
        {
            return Unchecked(targets, spec, GradeReasons.Empty, "The answer is empty: there was nothing to check.");
        }

        if (IsTruncated(finishReason))
        {
            return Unchecked(targets, spec, GradeReasons.Truncated, $"The answer was cut off at the token limit (finish reason '{finishReason}'): it is scored as a failure without checking.");
        }

        // A run's config carries the check settings ArtifactChecker reads; this one exists only for this grade.
        var config = new RunConfig { Model = "grader", Problems = [problem.Id], Targets = targets, CheckTimeoutSeconds = checkTimeoutSeconds, Sandboxed = sandboxed };
        var artifacts = targets.Select(t =>
        {
            var (content, hasCode) = ArtifactExtractor.Extract(completion, t, problem);
            return new ArtifactRecord(problem.Id, 0, t, 0, content, hasCode);
        }).ToList();
        var reports = await Task.WhenAll(artifacts.Select(a => ArtifactChecker.CheckAsync(checkers, problem, a, config, cancellationToken))).ConfigureAwait(false);
        if (!statementVetted)
        {
            reports = [.. reports.Select(r => r with { StatementVetted = false })];
        }

        return Grade.Of(targets.Zip(reports).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal), artifacts.Any(a => a.HasCode), spec);
    }

    /// <summary>A failure decided without a checker's answer (empty, truncated, out of time): each target gets a report with <paramref name="verdict"/> and the reason.</summary>
    public static Grade Unchecked(IReadOnlyList<string> targets, RewardSpec spec, string reason, string message, Verdict verdict = Verdict.Failed) =>
        new(spec.FailureReward, reason, targets.ToDictionary(
            t => t,
            t => new CheckReport(t, [new ObligationResult("artifact", verdict) { Diagnostics = [Diagnostic.Error(message, source: ArtifactChecker.PipelineSource)] }]),
            StringComparer.Ordinal));
}
