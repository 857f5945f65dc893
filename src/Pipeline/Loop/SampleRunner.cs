using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Prompts;
using ProofCheck.Pipeline.Runs;
using ProofCheck.Pipeline.Store;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Pipeline.Loop;

/// <summary>
/// One sample of one problem through Prove → Formalize → Check → Repair. Every step first asks the store whether
/// it is already done (a resumed run) and reuses what it finds, so a step is never taken twice and each prompt is
/// built only from stored data: the same inputs give the same rows, interrupted or not.
/// </summary>
internal sealed partial class SampleRunner(RunContext context, Problem problem, int sample, int worker)
{
    private RunConfig Config => context.Run.Config;

    private string RunId => context.Run.Id;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var targets = Config.Targets.Where(t => CheckTargets.Applies(problem, t)).ToList();
        var values = BaseValues();

        var prove = await ExchangeAsync(
            new AttemptKey(problem.Id, sample, Stages.Prove, string.Empty, 0),
            () => context.Prompts.Render(PromptLibrary.ProveTemplateName(Config.PromptStyle), values),
            [],
            cancellationToken).ConfigureAwait(false);

        // An unfinished answer is stored as what it is and goes no further: formalizing a proof that was cut off
        // (or never written) would check something the model did not say.
        if (prove.Attempt.Answer != AnswerStatus.Complete)
        {
            Finish(targets, []);
            return;
        }

        var formalize = await ExchangeAsync(
            new AttemptKey(problem.Id, sample, Stages.Formalize, string.Empty, 0),
            () => context.Prompts.Render(PromptLibrary.Formalize, new Dictionary<string, string>(values)
            {
                ["nl_proof"] = FinalProof(prove.Attempt.Response),
                ["target_sections"] = string.Join("\n", targets.Select(t => context.Prompts.Render(PromptLibrary.FormalizeSectionName(t), values))),
            }),
            targets,
            cancellationToken).ConfigureAwait(false);
        if (formalize.Attempt.Answer != AnswerStatus.Complete)
        {
            Finish(targets, []);
            return;
        }

        var verdicts = await Task.WhenAll(targets.Select(t => RunTargetAsync(formalize.Artifact(t), values, cancellationToken))).ConfigureAwait(false);
        Finish(targets, verdicts);
    }

    private void Finish(List<string> targets, Verdict[] verdicts)
    {
        context.Store.MarkSampleDone(RunId, problem.Id, sample);
        context.Observer.SampleFinished(worker, problem.Id, sample, targets.Zip(verdicts).ToDictionary(x => x.First, x => x.Second));
    }

    private async Task<Verdict> RunTargetAsync(ArtifactRecord artifact, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var target = artifact.Target;
        var check = await CheckAsync(artifact, cancellationToken).ConfigureAwait(false);
        for (var round = 1; round <= Config.Rounds && ShouldRepair(check.Verdict); round++)
        {
            var previous = artifact;
            var previousCheck = check;
            var repair = await ExchangeAsync(
                new AttemptKey(problem.Id, sample, Stages.Repair, target, round),
                () => context.Prompts.Render(PromptLibrary.Repair, new Dictionary<string, string>(values)
                {
                    ["target"] = target,
                    ["target_language"] = CheckTargets.Get(target).LanguageName,
                    ["fence"] = FenceLanguages.FenceFor(target),
                    ["answer_format"] = target == CheckTargets.Smt.Name
                        ? "one ```smt2 fenced block per proof step, each a complete obligation ending in (check-sat)"
                        : $"one fenced block opened with ```{FenceLanguages.FenceFor(target)}",
                    ["previous_round"] = previous.Round.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["previous_attempt"] = previous.HasCode ? previous.Content.TrimEnd('\n') : "(no code: the answer contained no " + FenceLanguages.FenceFor(target) + " block)",
                    ["feedback"] = FeedbackCondenser.Condense(previousCheck.Report, Config.FeedbackTokens),
                }),
                [target],
                cancellationToken).ConfigureAwait(false);

            // The same prompt would get the same unfinished answer again (same seed): the target keeps the verdict
            // of its last checked round, and the unfinished repair is counted in the reports.
            if (repair.Attempt.Answer != AnswerStatus.Complete)
            {
                break;
            }

            artifact = repair.Artifact(target);
            check = await CheckAsync(artifact, cancellationToken).ConfigureAwait(false);
        }

        return check.Verdict;
    }

    // Repairing cannot help when the checker is missing; every other verdict short of Verified is worth a round.
    private static bool ShouldRepair(Verdict verdict) => verdict is not Verdict.Verified and not Verdict.CheckerUnavailable;

    /// <summary>One stored model exchange and the artifacts extracted from it (none when the answer was unfinished).</summary>
    private sealed record Exchange(AttemptRecord Attempt, IReadOnlyList<ArtifactRecord> Artifacts)
    {
        public ArtifactRecord Artifact(string target) => Artifacts.SingleOrDefault(a => a.Target == target)
            ?? throw new InvalidOperationException($"The {Attempt.Key.Stage} answer of {Attempt.Key.ProblemId} sample {Attempt.Key.Sample} has no stored {target} artifact.");
    }

    private async Task<Exchange> ExchangeAsync(
        AttemptKey key,
        Func<string> prompt,
        IReadOnlyList<string> artifactTargets,
        CancellationToken cancellationToken)
    {
        if (context.Store.FindAttempt(RunId, key) is { } done)
        {
            context.Observer.AttemptRecorded(done, reused: true);
            return new Exchange(done, [.. artifactTargets.Select(t => context.Store.FindArtifact(RunId, problem.Id, sample, t, key.Round)).OfType<ArtifactRecord>()]);
        }

        var text = prompt();
        context.Observer.StageStarted(worker, problem.Id, sample, key.Stage, key.Target, key.Round);
        var sampling = new SamplingSettings(Config.MaxTokens, Config.Temperature, Config.TopP, SampleSeed(problem.Id, sample, Config.Seed));
        var options = new ChatOptions
        {
            MaxOutputTokens = sampling.MaxTokens,
            Temperature = sampling.Temperature,
            TopP = sampling.TopP,
            // Each sample has its own seed, so samples differ where the model samples and a rerun repeats them.
            Seed = sampling.Seed,
        };
        var watch = Stopwatch.StartNew();
        ChatResponse response;
        await context.ModelGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            response = await context.Model.GetResponseAsync([new ChatMessage(ChatRole.User, text)], options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            context.ModelGate.Release();
        }

        var answer = response.Text ?? string.Empty;
        var reasoning = Models.ReasoningText.Of(response);
        var outputTokens = response.Usage?.OutputTokenCount ?? 0;
        var finish = response.FinishReason?.Value;
        var status = AnswerCheck.Classify(answer, finish, outputTokens, Config.MaxTokens);
        var record = new AttemptRecord(key, text, answer)
        {
            Reasoning = reasoning,
            InputTokens = response.Usage?.InputTokenCount ?? 0,
            OutputTokens = outputTokens,
            FinishReason = finish,
            Ms = watch.ElapsedMilliseconds,
            Model = Config.Model,
            Sampling = sampling,
            Answer = status,
        };
        List<ArtifactRecord> artifacts = status == AnswerStatus.Complete ? [.. artifactTargets.Select(t => Artifact(answer, t, key.Round))] : [];
        context.Store.RecordAttempt(RunId, record, artifacts);
        context.Observer.AttemptRecorded(record, reused: false);
        return new Exchange(record, artifacts);
    }

    private ArtifactRecord Artifact(string answer, string target, int round)
    {
        var (content, hasCode) = ArtifactExtractor.Extract(answer, target, problem);
        return new ArtifactRecord(problem.Id, sample, target, round, content, hasCode);
    }

    private async Task<CheckRecord> CheckAsync(ArtifactRecord artifact, CancellationToken cancellationToken)
    {
        if (CheckStep.Stored(context.Store, RunId, artifact) is { } done)
        {
            context.Observer.CheckRecorded(done, reused: true);
            return done;
        }

        context.Observer.StageStarted(worker, problem.Id, sample, "check", artifact.Target, artifact.Round);
        var record = await context.Checks.CheckAsync(context.Run, problem, artifact, cancellationToken).ConfigureAwait(false);
        context.Observer.CheckRecorded(record, reused: false);
        return record;
    }

    private Dictionary<string, string> BaseValues() => new(StringComparer.Ordinal)
    {
        ["problem_id"] = problem.Id,
        ["title"] = problem.Title,
        // The statement's Markdown normally opens with its own heading; give it one when it does not.
        ["statement"] = problem.StatementMarkdown.TrimStart().StartsWith('#')
            ? problem.StatementMarkdown.Trim()
            : $"# {problem.Title}\n\n{problem.StatementMarkdown.Trim()}",
        ["lean_statement"] = problem.LeanStatement?.Trim() ?? string.Empty,
        ["coq_statement"] = problem.CoqStatement?.Trim() ?? string.Empty,
        ["main_theorem"] = problem.MainTheorem ?? string.Empty,
    };

    private static int SampleSeed(string problemId, int sample, int? runSeed)
    {
        // A stable hash (string.GetHashCode differs between processes, which would break resume).
        var hash = 17;
        foreach (var b in Encoding.UTF8.GetBytes(problemId))
        {
            hash = unchecked((hash * 31) + b);
        }

        hash = unchecked((hash * 31) + sample);
        // Without --seed the seed is what it always was, so earlier recordings still replay.
        return (runSeed is { } seed ? unchecked((hash * 31) + seed) : hash) & int.MaxValue;
    }

    /// <summary>
    /// The proof to formalize: the answer without its thinking, and when it has a "## Proof" section (the reflective
    /// prompt asks for one) only that section, so the scratch work and confidence scores are not formalized.
    /// </summary>
    internal static string FinalProof(string answer)
    {
        var text = ThinkBlock().Replace(answer, string.Empty).Trim();
        var heading = ProofHeading().Matches(text).LastOrDefault();
        return heading is null ? text : text[heading.Index..].Trim();
    }

    [GeneratedRegex(@"^#{1,3}\s*Proof\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ProofHeading();

    [GeneratedRegex(@"<think>.*?(</think>|\z)", RegexOptions.Singleline)]
    private static partial Regex ThinkBlock();
}
