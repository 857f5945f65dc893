using System.Text;
using ProofCheck.Core;

namespace ProofCheck.Pipeline.Loop;

/// <summary>
/// Condenses a check report into what a model needs to repair its proof, most useful first: the verdict, the
/// audit's reasons, counterexamples, then the first errors with their lines and goal states. Whatever does not fit
/// the token budget is cut and counted, never silently dropped.
/// </summary>
internal static class FeedbackCondenser
{
    // A rough, model-independent estimate; prompts only need to stay near the budget, not on it.
    private const int CharsPerToken = 4;

    public static string Condense(CheckReport report, int tokenBudget)
    {
        var budget = Math.Max(200, tokenBudget * CharsPerToken);
        var items = new List<string>();
        var head = $"Verdict: {report.VerdictText}" +
            (report.CheckerVersion is null ? $" ({report.Checker})" : $" ({report.Checker} {report.CheckerVersion})");

        if (report.Audit is { Passed: false } audit)
        {
            items.AddRange(audit.Findings.Select(f =>
                $"- Rejected by the audit at line {f.Span.Line}, column {f.Span.Column}: `{f.Construct}` is not allowed: {f.Reason}"));
        }

        foreach (var o in report.Obligations.Where(o => o.Verdict == Verdict.Refuted))
        {
            items.Add($"- {o.Label} is false. Counterexample: {o.Counterexample ?? "(the checker gave none)"}");
        }

        foreach (var o in report.Obligations.Where(o => o.Verdict is not Verdict.Verified and not Verdict.Refuted))
        {
            if (o.Diagnostics.Count == 0)
            {
                items.Add($"- {o.Label}: {Describe(o.Verdict)}");
            }
        }

        var diagnostics = report.Diagnostics.Select(d => (Label: (string?)null, d))
            .Concat(report.Obligations.Where(o => o.Verdict != Verdict.Verified).SelectMany(o => o.Diagnostics.Select(d => (Label: (string?)o.Label, d))))
            .Where(x => x.d.Severity == DiagnosticSeverity.Error)
            .ToList();
        items.AddRange(diagnostics.Select(x => Format(x.Label, x.d)));

        var text = new StringBuilder(head).Append('\n');
        var shown = 0;
        foreach (var item in items)
        {
            if (text.Length + item.Length + 1 > budget && shown > 0)
            {
                break;
            }

            text.Append(Cut(item, budget - text.Length)).Append('\n');
            shown++;
        }

        if (shown < items.Count)
        {
            text.Append($"({items.Count - shown} more message(s) not shown)\n");
        }

        if (items.Count == 0 && report.Verdict != Verdict.Verified)
        {
            text.Append("- ").Append(Describe(report.Verdict)).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Format(string? label, Diagnostic d)
    {
        var where = d.Span is null ? string.Empty : $"line {d.Span.Line}, column {d.Span.Column}: ";
        var prefix = label is null ? "- " : $"- {label}: ";
        var item = new StringBuilder(prefix).Append(where).Append(d.Message.Trim());
        if (!string.IsNullOrWhiteSpace(d.Goal))
        {
            item.Append("\n  Goal at that point:\n").Append(Indent(d.Goal.Trim(), "    "));
        }

        return item.ToString();
    }

    private static string Describe(Verdict verdict) => verdict switch
    {
        Verdict.Timeout => "the checker ran out of time; simplify the proof or split it into lemmas.",
        Verdict.Unknown => "the checker could not decide; state the step more simply.",
        Verdict.Failed => "the checker reported an error.",
        Verdict.Rejected => "the audit rejected the proof.",
        Verdict.CheckerUnavailable => "the checker is not available.",
        _ => verdict.ToString(),
    };

    private static string Indent(string text, string prefix) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => prefix + l));

    private static string Cut(string item, int room)
    {
        var max = Math.Max(80, room);
        return item.Length <= max ? item : item[..(max - 1)] + "…";
    }
}
