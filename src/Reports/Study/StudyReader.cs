using System.Text.Json;
using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Store;

namespace ProofCheck.Reports.Study;

/// <summary>
/// Every read of the run store the report makes is here, through the store's public API: when the store's shape
/// changes, this is the one file to adapt.
/// </summary>
public static class StudyReader
{
    public static StudyRun Read(RunStore store, string runId)
    {
        ArgumentNullException.ThrowIfNull(store);
        var run = store.GetRun(runId);
        var problems = store.RunProblems(run.Id)
            .Select(p => ToStudyProblem(JsonSerializer.Deserialize<Problem>(p.ProblemJson, ReportJson.Options)
                ?? throw new InvalidDataException($"Run {run.Id} stores an empty problem '{p.ProblemId}'.")))
            .ToList();

        var attempts = store.Attempts(run.Id);
        var artifacts = store.Artifacts(run.Id);
        // A recheck adds a pass; the report judges each artifact by its latest one.
        var checks = store.Checks(run.Id)
            .GroupBy(c => (c.ProblemId, c.Sample, c.Target, c.Round))
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.Pass)!);

        var targetAttempts = artifacts
            .GroupBy(a => (a.ProblemId, a.Sample, a.Target))
            .Select(g => new TargetAttempt(g.Key.ProblemId, g.Key.Sample, g.Key.Target, [.. g.OrderBy(a => a.Round).Select(a =>
            {
                var check = checks.GetValueOrDefault((a.ProblemId, a.Sample, a.Target, a.Round));
                // Round 0's code came from the formalize exchange (shared by all targets), later rounds from a repair.
                var exchange = a.Round == 0
                    ? attempts.FirstOrDefault(x => x.Key.ProblemId == a.ProblemId && x.Key.Sample == a.Sample && x.Key.Stage == Stages.Formalize)
                    : attempts.FirstOrDefault(x => x.Key.ProblemId == a.ProblemId && x.Key.Sample == a.Sample && x.Key.Stage == Stages.Repair && x.Key.Target == a.Target && x.Key.Round == a.Round);
                return new RoundResult(a.Round, check?.Verdict ?? Verdict.Unknown, check?.Report.VerdictText ?? "not checked")
                {
                    Code = a.Content,
                    HasCode = a.HasCode,
                    Obligations = check?.Report.Obligations ?? [],
                    // The audit's findings (a changed statement, a forbidden construct) are the reason for a Rejected.
                    Diagnostics = [.. check?.Report.Diagnostics ?? [], .. (check?.Report.Audit?.Findings ?? []).Select(f => Diagnostic.Error($"{f.Construct} ({f.Rule}): {f.Reason}", f.Span, "audit"))],
                    InputTokens = exchange?.InputTokens ?? 0,
                    OutputTokens = exchange?.OutputTokens ?? 0,
                    ModelMs = exchange?.Ms ?? 0,
                    CheckMs = check?.Ms ?? 0,
                };
            })]))
            .OrderBy(t => t.ProblemId, StringComparer.Ordinal).ThenBy(t => t.Sample).ThenBy(t => t.Target, StringComparer.Ordinal)
            .ToList();

        var answers = attempts
            .Where(a => a.Key.Stage == Stages.Prove)
            .Select(a => new NlAnswer(a.Key.ProblemId, a.Key.Sample, a.Response, ClaimDetector.ClaimsComplete(a.Response))
            {
                InputTokens = a.InputTokens,
                OutputTokens = a.OutputTokens,
                Ms = a.Ms,
            })
            .OrderBy(a => a.ProblemId, StringComparer.Ordinal).ThenBy(a => a.Sample)
            .ToList();

        return new StudyRun(run.Id, run.Model, run.Config.PromptStyle, run.Config.Targets, run.Config.Samples, run.Config.Rounds)
        {
            Problems = problems,
            Attempts = targetAttempts,
            Answers = answers,
        };
    }

    private static StudyProblem ToStudyProblem(Problem p) =>
        new(p.Id, p.Title, p.ParentId ?? p.Id, p.IsVariant, p.Provenance.Kind.ToString().ToLowerInvariant(), p.Tags)
        {
            Variation = p.Variation,
            StatementMarkdown = p.StatementMarkdown,
        };
}
