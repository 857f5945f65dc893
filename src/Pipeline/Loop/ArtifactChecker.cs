using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Runs;
using ProofCheck.Pipeline.Store;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Pipeline.Loop;

/// <summary>
/// Hands one stored artifact to its target's checker. An answer without code, or a target whose checker is missing,
/// becomes a report that says so (Failed, CheckerUnavailable): never Verified, and never an exception that ends the run.
/// </summary>
public static class ArtifactChecker
{
    public const string PipelineSource = "pipeline";

    public static async Task<CheckReport> CheckAsync(
        IReadOnlyDictionary<string, IProofChecker> checkers,
        Problem problem,
        ArtifactRecord artifact,
        RunConfig config,
        CancellationToken cancellationToken)
    {
        if (!artifact.HasCode)
        {
            var fence = FenceLanguages.FenceFor(artifact.Target);
            return Single(artifact.Target, Verdict.Failed,
                $"The model's answer contains no {CheckTargets.Get(artifact.Target).LanguageName} code: no complete, non-empty ```{fence} fenced block was found (a block ends at a closing ``` line), so there was nothing to check.");
        }

        if (!checkers.TryGetValue(artifact.Target, out var checker))
        {
            return Single(artifact.Target, Verdict.CheckerUnavailable,
                $"This build of ProofCheck has no {CheckTargets.Get(artifact.Target).LanguageName} checker; the artifact is stored and can be checked later with 'proofcheck recheck'.");
        }

        // Checkers answer a missing tool with a CheckerUnavailable report themselves (IProofChecker's contract).
        var request = CheckTargets.Request(problem, CheckTargets.Get(artifact.Target), artifact.Content, config.CheckTimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null, config.Sandboxed);
        return await checker.CheckAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static CheckReport Single(string checker, Verdict verdict, string message) =>
        CheckReports.Whole(checker, null, verdict, message, PipelineSource);
}
