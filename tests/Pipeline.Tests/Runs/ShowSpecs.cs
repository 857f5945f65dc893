using System.Text;
using Microsoft.Extensions.AI;
using ProofCheck.Models.Replay;
using ProofCheck.Pipeline.Loop;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Runs;

/// <summary>What <c>show RUN PROBLEM</c> tells a reader: coverage, every SMT step with what it assumes, and the raw answer when it had no code.</summary>
public sealed class ShowSpecs
{
    private const string TwoSteps = "1. n*n >= 0 for every integer n.\n2. Hence the claim.\nQED";

    [RequiresToolFact("z3")]
    public async Task Show_sets_the_NL_step_count_beside_the_obligations_and_lists_verified_steps_too()
    {
        await using var h = new RunHarness();
        var run = await h.RunAsync(new ScriptedChatClient(TwoSteps, SmtAnswers.TrueStep), RunHarness.Config("gauss-sum", "smt"));

        var (code, shown) = await ProofCheckCli.RunAsync(["show", run.Id, "gauss-sum", "--store", h.StorePath]);
        Assert.True(code == 0, shown);
        Assert.Contains("2 numbered step(s)", shown, StringComparison.Ordinal);
        Assert.Contains("1 obligation(s)", shown, StringComparison.Ordinal);
        Assert.Matches(@"\n  \S.*: Verified", shown);
    }

    [RequiresToolFact("z3")]
    public async Task Show_lists_the_hypotheses_a_step_takes_for_granted_and_the_stored_report_keeps_them()
    {
        await using var h = new RunHarness();
        // The second step's claim (n > 2) is the first step's hypothesis proved; its other hypothesis (n < 100) is not.
        const string TwoObligations = "```smt2\n; step 1\n(declare-const n Int)\n(assert (> n 3))\n(assert (not (> n 2)))\n(check-sat)\n(reset)\n" +
            "; step 2\n(declare-const n Int)\n(assert (> n 2))\n(assert (< n 100))\n(assert (not (> (* n n) 4)))\n(check-sat)\n```";
        var run = await h.RunAsync(new ScriptedChatClient(TwoSteps, TwoObligations), RunHarness.Config("gauss-sum", "smt"));
        var stored = Assert.Single(h.Store.Checks(run.Id)).Report.Obligations;
        Assert.Equal(2, stored.Count);
        Assert.Equal(["(> n 3)"], stored[0].Assumptions);
        Assert.Equal(["(< n 100)"], stored[1].Assumptions);

        var (code, shown) = await ProofCheckCli.RunAsync(["show", run.Id, "gauss-sum", "--store", h.StorePath]);
        Assert.True(code == 0, shown);
        Assert.Contains("assumes (not proved by an earlier step):\n      (> n 3)\n", shown, StringComparison.Ordinal);
        Assert.Contains("assumes (not proved by an earlier step):\n      (< n 100)\n", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("      (> n 2)\n", shown, StringComparison.Ordinal);
    }

    [RequiresToolFact("z3")]
    public async Task An_answer_without_code_is_shown_as_the_model_wrote_it()
    {
        await using var h = new RunHarness();
        const string Refusal = "I cannot write SMT-LIB for this statement, sorry.";
        var run = await h.RunAsync(new ScriptedChatClient(TwoSteps, Refusal, Refusal), RunHarness.Config("gauss-sum", "smt"));

        var (code, shown) = await ProofCheckCli.RunAsync(["show", run.Id, "gauss-sum", "--store", h.StorePath]);
        Assert.True(code == 0, shown);
        Assert.Contains("(the answer contained no code for this target) The answer was:\n" + Refusal, shown, StringComparison.Ordinal);
    }

    [RequiresToolFact("z3")]
    public async Task Show_follows_a_run_in_progress_and_prints_each_verdict_and_error_as_its_check_finishes()
    {
        await using var h = new RunHarness();
        // Two samples, one at a time: the model answers only when the test lets it, so the run is caught in progress.
        var config = RunHarness.Config("gauss-sum", "smt") with { Samples = 2 };
        var run = h.Create(config);
        using var gate = new SemaphoreSlim(0);
        var model = new GatedChatClient(new ScriptedChatClient(TwoSteps, SmtAnswers.FalseStep, SmtAnswers.FalseStep, TwoSteps, SmtAnswers.TrueStep), gate);
        var running = new RunEngine(h.Store, model, h.Checkers).ExecuteAsync(run, workers: 1, CancellationToken.None);

        using var show = ProofCheckCli.Start(["show", run.Id, "--follow", "--store", h.StorePath]);
        var output = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            while (await show.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (output)
                {
                    output.Append(line).Append('\n');
                }
            }
        });

        // Sample 0: a proof, then a false step, refuted; its repair is refuted too. Each verdict shows up while the run goes on.
        gate.Release(2);
        await UntilAsync(() => Text().Contains("#0 smt round 0: Refuted", StringComparison.Ordinal));
        Assert.DoesNotContain("round 1", Text(), StringComparison.Ordinal);
        Assert.Matches(@"#0 smt round 0: Refuted · .*counterexample n = \d", Text());
        gate.Release(1);
        await UntilAsync(() => Text().Contains("#0 smt round 1: Refuted", StringComparison.Ordinal));
        Assert.False(show.HasExited, "show stopped following while the run was still in progress");

        // Sample 1 verifies; the run ends and so does show, with the final table.
        gate.Release(2);
        await running;
        await show.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await reading;
        Assert.Equal(0, show.ExitCode);
        var text = Text();
        Assert.Contains("#1 smt round 0: Verified", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("#1 smt round 0", StringComparison.Ordinal) < text.IndexOf("Verified: ", StringComparison.Ordinal), text);
        Assert.Contains($"Run {run.Id} · finished", text, StringComparison.Ordinal);

        string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        async Task UntilAsync(Func<bool> condition)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!condition())
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60) && !show.HasExited, $"waited in vain; show printed:\n{Text()}");
                await Task.Delay(50);
            }
        }
    }

    [RequiresToolFact("z3")]
    public async Task Columns_sets_the_width_of_show_and_no_column_header_is_ever_cut()
    {
        await using var h = new RunHarness();
        var run = await h.RunAsync(new ScriptedChatClient(TwoSteps, SmtAnswers.TrueStep), RunHarness.Config("gauss-sum", "smt"));
        string[] headers = ["problem", "target", "verdict", "verified", "rounds to ✓", "rounds", "tokens", "time"];

        foreach (var columns in new[] { 40, 70, 90, 200 })
        {
            var (code, stdout, stderr) = await ProofCheckCli.RunAsync(["show", run.Id, "--store", h.StorePath], new Dictionary<string, string?> { ["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.True(code == 0, stderr);
            Assert.DoesNotContain("…", stdout, StringComparison.Ordinal);
            var lines = stdout.Split('\n');
            var tableLines = lines.Where(l => l.StartsWith('│') || l.StartsWith('╭') || l.StartsWith('╰') || l.StartsWith('├')).ToList();
            Assert.All(lines, l => Assert.True(l.Length <= columns || !(l.StartsWith('│') || l.StartsWith('╭')), $"{l.Length} > {columns}: {l}"));
            foreach (var header in headers)
            {
                Assert.Contains(header, stdout, StringComparison.Ordinal);
            }

            // Wide enough for the natural table, the table keeps one line per row and the id stays whole.
            if (columns == 200)
            {
                Assert.Contains(tableLines, l => l.Contains("gauss-sum", StringComparison.Ordinal) && l.Contains("Verified", StringComparison.Ordinal));
            }
        }
    }
}

/// <summary>A model that answers only as often as the test releases the gate, so a run can be watched in progress.</summary>
internal sealed class GatedChatClient(IChatClient inner, SemaphoreSlim gate) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        return await base.GetResponseAsync(messages, options, cancellationToken);
    }
}
