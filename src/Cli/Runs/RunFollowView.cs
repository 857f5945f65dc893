using ProofCheck.Core;
using ProofCheck.Pipeline.Reports;
using ProofCheck.Pipeline.Store;
using Spectre.Console;

namespace ProofCheck.Cli.Runs;

/// <summary>
/// <c>show RUN</c> of a run in progress, followed until it ends: the store is read again every half second, so
/// verdicts and errors appear as the running process stores them. On a terminal the result table is redrawn in
/// place; otherwise (a pipe, a log) each new check is one line, and the final table comes at the end.
/// </summary>
internal static class RunFollowView
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static async Task FollowAsync(IAnsiConsole console, RunStore runs, string runId, bool live, CancellationToken cancellationToken)
    {
        var shown = new HashSet<(string, int, string, int, int)>();
        if (!live)
        {
            console.WriteLine($"Following run {runId} while it runs (Ctrl-C stops following, not the run).");
            var run = await LinesAsync().ConfigureAwait(false);
            RunResultView.Write(console, run, RunSummary.Build(runs, run));
            return;
        }

        var first = runs.GetRun(runId);
        await console.Live(RunResultView.Render(console, first, RunSummary.Build(runs, first))).AutoClear(false).StartAsync(async ctx =>
        {
            while (true)
            {
                var run = runs.GetRun(runId);
                ctx.UpdateTarget(RunResultView.Render(console, run, RunSummary.Build(runs, run)));
                if (run.Status != RunInfo.Running || !await WaitAsync().ConfigureAwait(false))
                {
                    return;
                }
            }
        }).ConfigureAwait(false);

        async Task<RunInfo> LinesAsync()
        {
            while (true)
            {
                // The status first: a check stored before the run ended is then always printed before the final table.
                var run = runs.GetRun(runId);
                foreach (var check in runs.Checks(runId).Where(c => shown.Add((c.ProblemId, c.Sample, c.Target, c.Round, c.Pass))))
                {
                    console.WriteLine($"{check.ProblemId} #{check.Sample} {check.Target} round {check.Round}: {check.Report.VerdictText}{FirstError(check.Report)}");
                }

                if (run.Status != RunInfo.Running || !await WaitAsync().ConfigureAwait(false))
                {
                    return run;
                }
            }
        }

        async Task<bool> WaitAsync()
        {
            try
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    /// <summary>The first error of a check that did not verify, as a reader wants it in a log line.</summary>
    private static string FirstError(CheckReport report)
    {
        if (report.Verdict == Verdict.Verified)
        {
            return string.Empty;
        }

        var error = report.Diagnostics.Concat(report.Obligations.SelectMany(o => o.Diagnostics)).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        var refuted = report.Obligations.FirstOrDefault(o => o.Counterexample is not null);
        var text = error?.Message ?? (refuted is null ? null : $"{refuted.Label}: counterexample {refuted.Counterexample}");
        if (text is null)
        {
            return string.Empty;
        }

        var line = text.ReplaceLineEndings(" ");
        return " · " + (line.Length > 200 ? line[..200] + "…" : line);
    }
}
