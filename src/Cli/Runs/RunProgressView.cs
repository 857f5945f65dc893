using System.Collections.Concurrent;
using System.Diagnostics;
using ProofCheck.Core;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Store;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ProofCheck.Cli.Runs;

/// <summary>
/// The progress of a run: samples done, what each worker is doing, verified so far, tokens, elapsed and an estimate
/// of the time left. On a terminal it is a live panel; otherwise (a pipe, a CI log) one plain line per event.
/// </summary>
internal sealed class RunProgressView(IAnsiConsole console, int totalSamples, int alreadyDone, bool live) : IRunObserver
{
    private readonly ConcurrentDictionary<int, string> workers = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private const int RecentLines = 8;
    private readonly Lock gate = new();
    private readonly Queue<string> recent = new();
    private int done = alreadyDone;
    private int doneHere;
    private int verified;
    private int targetsDone;
    private long tokens;

    public bool Live => live;

    public void StageStarted(int worker, string problemId, int sample, string stage, string target, int round)
    {
        var what = $"{problemId} #{sample} {stage}{(target.Length > 0 ? " " + target : string.Empty)}{(round > 0 ? " round " + round : string.Empty)}";
        workers[worker] = what;
        if (!live)
        {
            // The live panel shows this in its worker table.
            Line($"[worker {worker}] {what}");
        }
    }

    public void AttemptRecorded(AttemptRecord attempt, bool reused)
    {
        if (!reused)
        {
            Interlocked.Add(ref tokens, attempt.InputTokens + attempt.OutputTokens);
            if (attempt.Answer != AnswerStatus.Complete)
            {
                var k = attempt.Key;
                Line($"{k.ProblemId} #{k.Sample} {k.Stage}{(k.Target.Length > 0 ? " " + k.Target : string.Empty)}: {AnswerCheck.Describe(attempt.Answer)} ({attempt.OutputTokens} tokens); stored, not checked");
            }
        }
    }

    public void CheckRecorded(CheckRecord check, bool reused)
    {
        if (!reused)
        {
            Line($"{check.ProblemId} #{check.Sample} {check.Target} round {check.Round}: {check.Report.VerdictText}");
        }
    }

    public void SampleFinished(int worker, string problemId, int sample, IReadOnlyDictionary<string, Verdict> verdicts)
    {
        workers[worker] = "idle";
        Interlocked.Increment(ref done);
        Interlocked.Increment(ref doneHere);
        Interlocked.Add(ref verified, verdicts.Values.Count(v => v == Verdict.Verified));
        Interlocked.Add(ref targetsDone, verdicts.Count);
        Line($"done {done}/{totalSamples}: {problemId} #{sample} " +
            (verdicts.Count == 0 ? "(stopped at an unfinished answer)" : string.Join(", ", verdicts.Select(v => $"{v.Key} {v.Value}"))));
    }

    /// <summary>Shows the live panel (on a terminal) while <paramref name="work"/> runs.</summary>
    public async Task RunAsync(Func<Task> work)
    {
        if (!live)
        {
            await work().ConfigureAwait(false);
            return;
        }

        await console.Live(Render()).AutoClear(false).StartAsync(async ctx =>
        {
            var task = work();
            while (!task.IsCompleted)
            {
                ctx.UpdateTarget(Render());
                await Task.WhenAny(task, Task.Delay(250)).ConfigureAwait(false);
            }

            ctx.UpdateTarget(Render());
            await task.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private IRenderable Render()
    {
        var elapsed = clock.Elapsed;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("worker").AddColumn("doing");
        foreach (var (w, what) in workers.OrderBy(w => w.Key))
        {
            table.AddRow(w.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(what));
        }

        var header = new Markup(
            $"[bold]{done}/{totalSamples}[/] samples done · [green]{verified}[/]/{targetsDone} targets verified · " +
            $"{tokens:N0} tokens · elapsed {Format(elapsed)} · remaining {Remaining(elapsed)}");
        string[] latest;
        lock (gate)
        {
            latest = [.. recent];
        }

        return new Rows([header, TableFit.Fit(table, console), .. latest.Select(l => new Markup(Markup.Escape(l)))]);
    }

    private string Remaining(TimeSpan elapsed)
    {
        var left = totalSamples - done;
        if (left == 0)
        {
            return "0s";
        }

        return doneHere == 0 ? "estimating…" : "~" + Format(elapsed / doneHere * left);
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:00}s" : $"{t.Seconds}s";

    private void Line(string text)
    {
        if (live)
        {
            // The live panel keeps the latest verdicts and errors in view as they happen.
            lock (gate)
            {
                recent.Enqueue($"[{Format(clock.Elapsed)}] {text}");
                while (recent.Count > RecentLines)
                {
                    recent.Dequeue();
                }
            }

            return;
        }

        lock (gate)
        {
            console.WriteLine($"[{Format(clock.Elapsed)}] {text}");
        }
    }
}
