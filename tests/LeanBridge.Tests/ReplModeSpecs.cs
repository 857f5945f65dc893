using System.Text.Json.Nodes;
using ProofCheck.Core;
using ProofCheck.LeanBridge.Extraction;
using ProofCheck.LeanBridge.Repl;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>REPL mode against the stand-in: framing, the warm pool, death and restart, timeouts, LRU eviction.</summary>
public sealed class ReplModeSpecs
{
    private const string Unsolved = """
        ```lean
        import Mathlib

        -- standin:unsolved
        theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by
          norm_num
        ```
        """;

    private static string Marked(string marker) => Problems.GoodSqrt2.Replace("theorem sqrt2", $"-- {marker}\ntheorem sqrt2", StringComparison.Ordinal);

    [Fact]
    public async Task A_failure_found_by_the_REPL_is_final_and_keeps_the_goal_for_repair()
    {
        using var standIn = new StandIn();
        await using var checker = new LeanProofChecker(standIn.Options(LeanMode.Repl));

        var report = await checker.CheckAsync(Problems.Request(Unsolved));

        Assert.Equal(Verdict.Failed, report.Verdict);
        var error = Assert.Single(report.Obligations[0].Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("repl", error.Source);
        Assert.Equal("n : ℕ\n⊢ n + 0 = n", error.Goal);
        Assert.Equal(5, error.Span!.Line);
        Assert.DoesNotContain(standIn.Calls, c => c.StartsWith("lean --json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clean_REPL_answer_is_confirmed_in_file_mode_before_it_is_verified()
    {
        using var standIn = new StandIn();
        await using var checker = new LeanProofChecker(standIn.Options(LeanMode.Repl));

        var report = await checker.CheckAsync(Problems.Request(Problems.GoodSqrt2));

        Assert.Equal(Verdict.Verified, report.Verdict);
        Assert.Contains(standIn.Calls, c => c.EndsWith("Check.lean", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pool_pays_for_an_import_header_once_across_checks()
    {
        using var standIn = new StandIn();
        await using var checker = new LeanProofChecker(standIn.Options(LeanMode.Repl));

        await checker.CheckAsync(Problems.Request(Unsolved));
        await checker.CheckAsync(Problems.Request(Unsolved));
        await checker.CheckAsync(Problems.Request(Unsolved));

        Assert.Equal(1, checker.Pool!.Started);
        Assert.Single(standIn.Calls, c => c.StartsWith("repl-header", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_REPL_that_dies_is_replaced_for_the_next_check()
    {
        using var standIn = new StandIn();
        await using var checker = new LeanProofChecker(standIn.Options(LeanMode.Repl));

        var crashed = await checker.CheckAsync(Problems.Request(Marked("standin:crash")));
        var next = await checker.CheckAsync(Problems.Request(Unsolved));

        Assert.Equal(Verdict.Failed, crashed.Verdict);
        Assert.Contains(crashed.Obligations[0].Diagnostics, d => d.Message.Contains("exited", StringComparison.Ordinal));
        Assert.Equal(Verdict.Failed, next.Verdict);
        Assert.Contains(next.Obligations[0].Diagnostics, d => d.Goal is not null);
        Assert.Equal(2, checker.Pool!.Started);
    }

    [Fact]
    public async Task A_REPL_that_does_not_answer_in_time_is_killed_and_replaced()
    {
        using var standIn = new StandIn();
        await using var checker = new LeanProofChecker(standIn.Options(LeanMode.Repl, timeout: TimeSpan.FromSeconds(4)));
        // The REPL is up before the hang: on a loaded machine its start alone can take the whole time limit, and
        // then the hung check never had a REPL to kill.
        await checker.CheckAsync(Problems.Request(Unsolved));
        var started = checker.Pool!.Started;

        var hung = await checker.CheckAsync(Problems.Request(Marked("standin:hang")));
        var next = await checker.CheckAsync(Problems.Request(Unsolved));

        Assert.Equal(Verdict.Timeout, hung.Verdict);
        Assert.Equal(Verdict.Failed, next.Verdict);
        Assert.Equal(started + 1, checker.Pool.Started);
    }

    [Fact]
    public async Task A_full_pool_evicts_the_least_recently_used_header()
    {
        using var standIn = new StandIn();
        await using var checker = new LeanProofChecker(standIn.Options(LeanMode.Repl, poolSize: 1));
        var otherHeader = Unsolved.Replace("import Mathlib", "import Mathlib.Tactic", StringComparison.Ordinal);

        await checker.CheckAsync(Problems.Request(Unsolved));
        await checker.CheckAsync(Problems.Request(otherHeader));
        await checker.CheckAsync(Problems.Request(otherHeader));

        Assert.Equal(2, checker.Pool!.Started);
        Assert.Equal(1, checker.Pool.IdleCount);
    }

    [Fact]
    public void A_REPL_answer_with_sorries_is_rejected_and_carries_the_goal()
    {
        // Verbatim shape of repl test/readme.expected.out (v4.33.0-rc2).
        var answer = JsonNode.Parse("""
            {"sorries":
             [{"proofState": 0,
               "pos": {"line": 1, "column": 29},
               "goal": "x : Unit\n⊢ Nat",
               "endPos": {"line": 1, "column": 34}}],
             "messages":
             [{"severity": "warning",
               "pos": {"line": 1, "column": 4},
               "endPos": {"line": 1, "column": 5},
               "data": "declaration uses `sorry`"}],
             "env": 0}
            """)!;

        var outcome = ReplModeCheck.Interpret(answer, new ExtractedLean("def f (x : Unit) : Nat := by sorry", 1, "plain"), 0, 0);

        Assert.Equal(Verdict.Rejected, outcome!.Verdict);
        Assert.Contains(outcome.Diagnostics, d => d.Goal == "x : Unit\n⊢ Nat");
    }

    [Fact]
    public void An_unknown_environment_error_from_the_REPL_is_a_failure()
    {
        // repl test/unknown_environment.expected.out
        var outcome = ReplModeCheck.Interpret(JsonNode.Parse("""{"message": "Unknown environment."}""")!, new ExtractedLean("x", 1, "plain"), 0, 0);

        Assert.Equal(Verdict.Failed, outcome!.Verdict);
    }

    [Fact]
    public void A_goals_accomplished_info_message_is_not_a_failure()
    {
        // kimina fixture for v4.19: an extra info "Goals accomplished!" the REPL does not filter.
        var answer = JsonNode.Parse("""{"messages": [{"severity": "info", "pos": {"line": 1, "column": 0}, "endPos": {"line": 1, "column": 7}, "data": "Goals accomplished!"}], "env": 1}""")!;

        Assert.Null(ReplModeCheck.Interpret(answer, new ExtractedLean("x", 1, "plain"), 0, 0));
    }
}
