using System.Globalization;
using ProofCheck.Core;
using ProofCheck.Reports.Study;

namespace ProofCheck.Reports.Output;

/// <summary>
/// <c>--csv DIR</c>: <c>rounds.csv</c>, one row per (problem, target, sample, round), the long shape pandas or R
/// load directly (RFC 4180 quoting, UTF-8, a header row). Columns are documented in README.md.
/// </summary>
public static class StudyCsv
{
    public const string FileName = "rounds.csv";

    public static readonly string[] Columns =
    [
        "run_id", "problem_id", "family", "is_variant", "variation", "kind", "target", "sample", "round", "is_last_round",
        "verdict", "verdict_text", "has_code", "steps", "steps_verified", "steps_refuted", "steps_other",
        "input_tokens", "output_tokens", "model_ms", "check_ms", "nl_claims_complete",
    ];

    public static async Task WriteAsync(TextWriter writer, StudyRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(run);
        await writer.WriteLineAsync(string.Join(',', Columns).AsMemory(), cancellationToken).ConfigureAwait(false);
        var problems = run.Problems.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var claims = run.Answers.ToDictionary(a => (a.ProblemId, a.Sample), a => a.ClaimsComplete);
        foreach (var attempt in run.Attempts)
        {
            var problem = problems.GetValueOrDefault(attempt.ProblemId);
            foreach (var round in attempt.Rounds)
            {
                var steps = round.Obligations;
                string?[] cells =
                [
                    run.RunId, attempt.ProblemId, problem?.Family, Bool(problem?.IsVariant ?? false), problem?.Variation, problem?.Kind,
                    attempt.Target, Int(attempt.Sample), Int(round.Round), Bool(ReferenceEquals(round, attempt.Rounds[^1])),
                    round.Verdict.ToString(), round.VerdictText, Bool(round.HasCode), Int(steps.Count),
                    Int(steps.Count(s => s.Verdict == Verdict.Verified)), Int(steps.Count(s => s.Verdict == Verdict.Refuted)),
                    Int(steps.Count(s => s.Verdict is not Verdict.Verified and not Verdict.Refuted)),
                    Long(round.InputTokens), Long(round.OutputTokens), Long(round.ModelMs), Long(round.CheckMs),
                    claims.TryGetValue((attempt.ProblemId, attempt.Sample), out var c) ? Bool(c) : null,
                ];
                await writer.WriteLineAsync(string.Join(',', cells.Select(Quote)).AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Quote(string? cell) =>
        cell is null ? string.Empty
        : cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
