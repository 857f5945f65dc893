using ProofCheck.Core;
using ProofCheck.Pipeline.Store;
using ProofCheck.Reports.Output;
using Spectre.Console;
using ProofCheck.Pipeline.Targets;

namespace ProofCheck.Cli.Runs;

/// <summary><c>show RUN PROBLEM</c>: the NL proof, each attempt with its verdict and diagnostics, and what changed between rounds.</summary>
internal static class ProblemRunView
{
    private const int MaxDiffLines = 40;

    private const int RawAnswerChars = 2000;

    public static void Write(IAnsiConsole console, RunStore store, RunInfo run, string problemId)
    {
        var attempts = store.Attempts(run.Id, problemId);
        var artifacts = store.Artifacts(run.Id, problemId);
        var checks = store.Checks(run.Id, problemId);
        if (attempts.Count == 0)
        {
            console.MarkupLine($"Problem {Markup.Escape(problemId)} has no stored attempts in run {Markup.Escape(run.Id)} yet.");
            return;
        }

        foreach (var sample in attempts.Select(a => a.Key.Sample).Distinct().Order())
        {
            console.Write(new Rule($"{Markup.Escape(problemId)} · sample {sample}").LeftJustified());
            if (attempts.FirstOrDefault(a => a.Key.Sample == sample && a.Key.Stage == Stages.Prove) is { } prove)
            {
                var steps = prove.Answer == AnswerStatus.Complete ? Pipeline.Loop.AnswerCheck.NumberedSteps(prove.Response) : 0;
                console.MarkupLine($"[bold]Natural-language proof[/] ({prove.OutputTokens} tokens, {prove.Ms / 1000.0:0.0}s{Producer(prove)}" +
                    (steps > 0 ? $", {steps} numbered step(s)" : string.Empty) + ")");
                WriteAnswer(console, prove);
            }

            // Unfinished formalize and repair answers: stored, never checked, so they have no artifact to show.
            foreach (var stopped in attempts.Where(a => a.Key.Sample == sample && a.Key.Stage != Stages.Prove && a.Answer != AnswerStatus.Complete))
            {
                console.MarkupLine($"[bold]{Markup.Escape(stopped.Key.Stage)}{(stopped.Key.Target.Length > 0 ? " " + Markup.Escape(stopped.Key.Target) : string.Empty)}[/]" +
                    $"{(stopped.Key.Round > 0 ? $" round {stopped.Key.Round}" : string.Empty)} ({stopped.OutputTokens} tokens{Producer(stopped)})");
                WriteAnswer(console, stopped);
            }

            foreach (var target in artifacts.Where(a => a.Sample == sample).Select(a => a.Target).Distinct())
            {
                ArtifactRecord? previous = null;
                foreach (var artifact in artifacts.Where(a => a.Sample == sample && a.Target == target).OrderBy(a => a.Round))
                {
                    var check = checks.Where(c => c.Sample == sample && c.Target == target && c.Round == artifact.Round).MaxBy(c => c.Pass);
                    var verdict = check is null ? "[grey]not checked[/]" : RunResultView.Colored(check.Verdict, check.Report.VerdictText);
                    // Coverage: how many obligations the formal proof has, beside the NL proof's step count above.
                    var obligations = check?.Report.Obligations.Count ?? 0;
                    console.MarkupLine($"[bold]{target}[/] round {artifact.Round}: {verdict}" +
                        (check?.Report.CheckerVersion is { } v ? $" ({Markup.Escape(check.Report.Checker)} {Markup.Escape(v)})" : string.Empty) +
                        (target == CheckTargets.Smt.Name && check is not null ? $" · {obligations} obligation(s)" : string.Empty));
                    if (!artifact.HasCode)
                    {
                        // The raw answer says why there was no code (a refusal, prose, a wrong fence).
                        console.WriteLine("(the answer contained no code for this target) The answer was:");
                        var raw = Source(attempts, sample, target, artifact.Round)?.Response.Trim() ?? string.Empty;
                        console.WriteLine(raw.Length > RawAnswerChars ? raw[..RawAnswerChars] + $"\n… ({raw.Length - RawAnswerChars:N0} more characters)" : raw);
                    }
                    else if (previous is null || !previous.HasCode)
                    {
                        console.WriteLine(artifact.Content.TrimEnd());
                    }
                    else
                    {
                        var changes = LineDiff.Changes(previous.Content, artifact.Content);
                        console.MarkupLine($"[grey]changed since round {previous.Round}: {changes.Count} line(s)[/]");
                        foreach (var change in changes.Take(MaxDiffLines))
                        {
                            console.MarkupLine(change.StartsWith('+') ? $"[green]{Markup.Escape(change)}[/]" : $"[red]{Markup.Escape(change)}[/]");
                        }

                        if (changes.Count > MaxDiffLines)
                        {
                            console.MarkupLine($"[grey]… {changes.Count - MaxDiffLines} more[/]");
                        }
                    }

                    if (check is not null)
                    {
                        WriteDiagnostics(console, check.Report);
                    }

                    console.WriteLine();
                    previous = artifact;
                }
            }
        }
    }

    /// <summary>The model answer an artifact was extracted from: the formalize answer for round 0, else that round's repair.</summary>
    private static AttemptRecord? Source(IReadOnlyList<AttemptRecord> attempts, int sample, string target, int round) =>
        attempts.FirstOrDefault(a => a.Key.Sample == sample && a.Key.Round == round &&
            (round == 0 ? a.Key.Stage == Stages.Formalize : a.Key.Stage == Stages.Repair && a.Key.Target == target));

    /// <summary>A complete answer in full; an unfinished one says what it is first, and is never passed off as a proof.</summary>
    private static void WriteAnswer(IAnsiConsole console, AttemptRecord attempt)
    {
        if (attempt.Answer == AnswerStatus.Complete)
        {
            console.WriteLine(attempt.Response.Trim());
            console.WriteLine();
            return;
        }

        console.MarkupLine($"[yellow]{Markup.Escape(Pipeline.Loop.AnswerCheck.Describe(attempt.Answer))}[/]: stored, not formalized or checked" +
            $" (finish reason {Markup.Escape(attempt.FinishReason ?? "none")}, {attempt.Response.Length:N0} characters, {attempt.Reasoning?.Length ?? 0:N0} of thinking).");
        var text = attempt.Response.Trim();
        if (text.Length > 0)
        {
            const int Shown = 2000;
            console.WriteLine(text.Length > Shown ? text[..Shown] + $"\n… ({text.Length - Shown:N0} more characters)" : text);
        }

        console.WriteLine();
    }

    // The model and sampling settings of an attempt, when it was stored with them.
    private static string Producer(AttemptRecord a) =>
        a.Sampling is { } s
            ? Markup.Escape($", {a.Model}, seed {s.Seed}" + (s.Temperature is { } t ? $", temperature {t.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty))
            : string.Empty;

    private static void WriteDiagnostics(IAnsiConsole console, CheckReport report)
    {
        foreach (var f in report.Audit?.Findings ?? [])
        {
            console.MarkupLine($"  [red]audit[/] {Markup.Escape(f.ToString())}");
        }

        // Every step, verified ones too (as check smt prints them), so a reader sees what was and was not proved.
        foreach (var o in report.Obligations)
        {
            console.MarkupLine($"  {Markup.Escape(o.Label)}: {RunResultView.Colored(o.Verdict, o.Verdict.ToString())}" +
                (o.Counterexample is { } cex ? $" counterexample: {Markup.Escape(cex)}" : string.Empty));
            // What the step took for granted: a Verified step proves its claim only under these hypotheses.
            if (o.Assumptions is { Count: > 0 } assumptions)
            {
                console.WriteLine("    assumes (not proved by an earlier step):");
                foreach (var assumption in assumptions)
                {
                    console.WriteLine("      " + assumption);
                }
            }

            if (o.Verdict == Verdict.Verified)
            {
                continue;
            }

            foreach (var d in o.Diagnostics.Take(5))
            {
                console.WriteLine("    " + d);
                if (d.Goal is { } goal)
                {
                    console.WriteLine("    goal: " + goal.Trim().Replace("\n", "\n          ", StringComparison.Ordinal));
                }
            }
        }

        foreach (var d in report.Diagnostics.Take(5))
        {
            console.WriteLine("  " + d);
        }
    }
}
