using System.Text.Json.Nodes;
using ProofCheck.Core;

namespace ProofCheck.LeanBridge.Tests;

/// <summary>File mode against the stand-in: verdict mapping, message parsing in old and new wordings, exit codes, limits.</summary>
public sealed class FileModeSpecs
{
    private static async Task<CheckReport> Check(StandIn standIn, string submission, string? statement = Problems.Sqrt2, TimeSpan? timeout = null)
    {
        await using var checker = new LeanProofChecker(standIn.Options(timeout: timeout));
        return await checker.CheckAsync(Problems.Request(submission, statement));
    }

    private static JsonObject Module(string module, int exit, params string[] stdout) =>
        new() { ["modules"] = new JsonObject { [module] = new JsonObject { ["exit"] = exit, ["stdout"] = new JsonArray([.. stdout.Select(s => JsonValue.Create(s))]) } } };

    [Fact]
    public async Task A_clean_proof_of_the_canonical_statement_is_verified_with_its_axioms_and_version()
    {
        using var standIn = new StandIn();

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Verified, report.Verdict);
        Assert.Equal("4.33.0", report.CheckerVersion);
        Assert.True(report.Audit!.Passed);
        Assert.Contains(report.Obligations[0].Diagnostics, d => d.Message.Contains("Classical.choice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_check_module_compares_the_candidate_with_the_canonical_proposition_and_prints_its_axioms()
    {
        using var standIn = new StandIn();

        await Check(standIn, Problems.GoodSqrt2);

        var calls = standIn.Calls.Where(c => c.StartsWith("lean --json", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, calls.Count);
        Assert.EndsWith("Canonical.lean", calls[0], StringComparison.Ordinal);
        Assert.EndsWith("Candidate.lean", calls[1], StringComparison.Ordinal);
        Assert.EndsWith("Check.lean", calls[2], StringComparison.Ordinal);
        Assert.All(calls, c => Assert.Contains("-DmaxHeartbeats=", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lake_env_is_asked_once_per_project_not_once_per_check()
    {
        using var standIn = new StandIn();
        await using var checker = new LeanProofChecker(standIn.Options());

        await checker.CheckAsync(Problems.Request(Problems.GoodSqrt2));
        await checker.CheckAsync(Problems.Request(Problems.GoodSqrt2));

        Assert.Single(standIn.Calls, c => c == "lake env");
    }

    [Fact]
    public async Task Without_the_projects_LEAN_PATH_an_import_failure_says_how_to_fix_it()
    {
        using var standIn = new StandIn();
        await using var checker = new LeanProofChecker(standIn.Options() with { ProjectDirectory = null, LakePath = "/nonexistent/lake" });

        var report = await checker.CheckAsync(Problems.Request(Problems.GoodSqrt2));

        Assert.Equal(Verdict.Failed, report.Verdict);
        Assert.Contains(report.Obligations[0].Diagnostics, d => d.Message.Contains("--lean-project", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unsolved_goals_fail_with_the_goal_kept_and_the_line_of_the_models_answer()
    {
        // Real output (repl test/incomplete.expected.out, v4.33, as `lean --json` prints it): "unsolved goals\n⊢ …".
        using var standIn = new StandIn(Module("Candidate", 1,
            """{"caption":"","data":"unsolved goals\n⊢ Irrational √2","endPos":{"column":20,"line":3},"fileName":"Candidate.lean","isSilent":false,"keepFullRange":false,"kind":"[anonymous]","pos":{"column":55,"line":3},"severity":"error"}"""));

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Failed, report.Verdict);
        var error = Assert.Single(report.Obligations[0].Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("unsolved goals", error.Message);
        Assert.Equal("⊢ Irrational √2", error.Goal);
        Assert.Equal(6, error.Span!.Line);
        Assert.Equal(56, error.Span.Column);
    }

    [Theory]
    // v4.33 (new wording, backticks, alphabetical keys, kind + isSilent), from a capture of Lean 4.33.1.
    [InlineData("""{"caption":"","data":"Unknown identifier `irrational_sqrt_two`","endPos":{"column":32,"line":4},"fileName":"Candidate.lean","isSilent":false,"keepFullRange":false,"kind":"lean.unknownIdentifier._namedError","pos":{"column":8,"line":4},"severity":"error"}""")]
    // older toolchain (old key order, no isSilent, quotes), from a capture against a tfl-lean4 image.
    [InlineData("""{"severity":"error","pos":{"line":4,"column":8},"kind":"[anonymous]","keepFullRange":false,"fileName":"/home/lean/check.lean","endPos":{"line":4,"column":32},"data":"unknown identifier 'irrational_sqrt_two'","caption":""}""")]
    // before ≈ v4.15: no kind at all, endPos null.
    [InlineData("""{"severity":"error","pos":{"line":4,"column":8},"endPos":null,"data":"unknown identifier 'irrational_sqrt_two'","fileName":"Candidate.lean","caption":""}""")]
    public async Task Errors_in_every_versions_format_fail_the_proof(string line)
    {
        using var standIn = new StandIn(Module("Candidate", 1, line));

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Failed, report.Verdict);
        var error = Assert.Single(report.Obligations[0].Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("irrational_sqrt_two", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, error.Span!.Line);
        Assert.Equal(9, error.Span.Column);
    }

    [Theory]
    // ≥ v4.28: "declaration uses `sorry`" tagged hasSorry (capture of v4.31).
    [InlineData("""{"caption":"","data":"declaration uses `sorry`","endPos":{"column":21,"line":3},"fileName":"Candidate.lean","isSilent":false,"keepFullRange":false,"kind":"hasSorry","pos":{"column":8,"line":3},"severity":"warning"}""")]
    // ≤ v4.27: "declaration uses 'sorry'", no kind.
    [InlineData("""{"severity":"warning","pos":{"line":3,"column":8},"endPos":{"line":3,"column":21},"data":"declaration uses 'sorry'","fileName":"Candidate.lean","caption":""}""")]
    public async Task A_sorry_warning_the_audit_could_not_see_rejects_the_proof_in_both_wordings(string line)
    {
        using var standIn = new StandIn(Module("Candidate", 0, line));

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Rejected, report.Verdict);
    }

    [Theory]
    // current wording, tagged runtime.maxHeartbeats (2026 logs)
    [InlineData("""{"caption":"","data":"(deterministic) timeout at `whnf`, maximum number of heartbeats (400000) has been reached\n\nNote: Use `set_option maxHeartbeats <num>` to set the limit.","endPos":{"column":20,"line":4},"fileName":"Candidate.lean","isSilent":false,"keepFullRange":false,"kind":"runtime.maxHeartbeats","pos":{"column":2,"line":4},"severity":"error"}""")]
    // oldest wording, untagged
    [InlineData("""{"severity":"error","pos":{"line":4,"column":2},"endPos":null,"data":"(deterministic) timeout at 'whnf', maximum number of heartbeats (400) has been reached (use 'set_option maxHeartbeats <num>' to set the limit)","fileName":"Candidate.lean","caption":""}""")]
    public async Task Running_out_of_heartbeats_is_a_timeout(string line)
    {
        using var standIn = new StandIn(Module("Candidate", 1, line));

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Timeout, report.Verdict);
    }

    [Fact]
    public async Task Exit_134_is_reported_as_a_stack_overflow_not_a_crash()
    {
        // Lake CI log: "Stack overflow detected. Aborting." on stderr, "Lean exited with code 134".
        var scenario = Module("Candidate", 134);
        scenario["modules"]!["Candidate"]!["stderr"] = "Stack overflow detected. Aborting.";
        using var standIn = new StandIn(scenario);

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Failed, report.Verdict);
        Assert.Contains(report.Obligations[0].Diagnostics, d => d.Message.Contains("exit 134", StringComparison.Ordinal) && d.Message.Contains("stack overflow", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exit_137_is_reported_as_a_kill_not_a_crash()
    {
        using var standIn = new StandIn(Module("Candidate", 137));

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Failed, report.Verdict);
        Assert.Contains(report.Obligations[0].Diagnostics, d => d.Message.Contains("exit 137", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_past_the_wall_clock_limit_is_killed_and_is_a_timeout()
    {
        var scenario = Module("Candidate", 0);
        scenario["modules"]!["Candidate"]!["sleepMs"] = 60_000;
        using var standIn = new StandIn(scenario);

        var report = await Check(standIn, Problems.GoodSqrt2, timeout: TimeSpan.FromSeconds(3));

        Assert.Equal(Verdict.Timeout, report.Verdict);
        Assert.True(report.Obligations[0].Ms < 30_000);
    }

    [Theory]
    [InlineData("[sorryAx]")]
    [InlineData("[propext, sorryAx]")]
    [InlineData("[Lean.ofReduceBool]")]
    [InlineData("[Candidate.main._native.native_decide.ax_1_1]")]
    [InlineData("[cheat, propext, Classical.choice, Quot.sound]")]
    public async Task Axioms_outside_the_allowed_set_reject_the_proof(string axioms)
    {
        using var standIn = new StandIn(new JsonObject { ["axioms"] = axioms });

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Rejected, report.Verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[Quot.sound, propext]")]
    [InlineData("[propext, Classical.choice, Quot.sound]")]
    public async Task Standard_axioms_in_any_order_or_none_at_all_are_accepted(string axioms)
    {
        using var standIn = new StandIn(new JsonObject { ["axioms"] = axioms, ["version"] = "4.19.0" });

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Verified, report.Verdict);
    }

    [Fact]
    public async Task A_check_module_that_prints_no_axioms_line_does_not_verify()
    {
        using var standIn = new StandIn(Module("Check", 0));

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Rejected, report.Verdict);
    }

    [Fact]
    public async Task A_statement_that_means_something_else_in_a_clean_context_is_rejected()
    {
        // Real wording (old): "type mismatch\n  rfl\nhas type …\nbut is expected to have type …" at the comparison line.
        using var standIn = new StandIn(Module("Check", 1,
            """{"severity":"error","pos":{"line":3,"column":57},"endPos":{"line":3,"column":74},"data":"type mismatch\n  @sqrt2_irrational\nhas type\n  Irrational (Real.sqrt 2) : Prop\nbut is expected to have type\n  Canonical.canonicalStatement : Prop","fileName":"Check.lean","caption":""}"""));

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Rejected, report.Verdict);
        Assert.Contains(report.Obligations[0].Diagnostics, d => d.Message.Contains("clean context", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leanchecker_replays_the_candidate_and_its_failure_rejects()
    {
        // lean4checker fixture: "lean4checker found a problem in …" / "(kernel) application type mismatch".
        using var standIn = new StandIn(new JsonObject { ["leanchecker"] = new JsonObject { ["exit"] = 1, ["stderr"] = "uncaught exception: (kernel) application type mismatch" } }, withLeanChecker: true);

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Rejected, report.Verdict);
        Assert.Contains(standIn.Calls, c => c == "leanchecker Candidate");
    }

    [Fact]
    public async Task Leanchecker_agreeing_keeps_the_proof_verified()
    {
        using var standIn = new StandIn(withLeanChecker: true);

        var report = await Check(standIn, Problems.GoodSqrt2);

        Assert.Equal(Verdict.Verified, report.Verdict);
        Assert.Contains(report.Obligations[0].Diagnostics, d => d.Source == "leanchecker");
    }

    [Fact]
    public async Task A_users_own_statement_is_at_best_verified_unvetted()
    {
        using var standIn = new StandIn();

        var report = await Check(standIn, "theorem mine : 1 + 1 = 2 := by norm_num", statement: null);

        Assert.Equal(Verdict.Verified, report.Verdict);
        Assert.Equal("Verified (statement unvetted)", report.VerdictText);
    }

    [Fact]
    public async Task Without_Lean_the_verdict_is_checker_unavailable_with_install_advice()
    {
        await using var checker = new LeanProofChecker(new LeanCheckerOptions { LeanPath = "/nonexistent/lean", LakePath = "/nonexistent/lake" });

        var report = await checker.CheckAsync(Problems.Request(Problems.GoodSqrt2));

        Assert.Equal(Verdict.CheckerUnavailable, report.Verdict);
        Assert.True(report.Audit!.Passed);
        Assert.Contains(report.Obligations[0].Diagnostics, d => d.Message.Contains("elan", StringComparison.Ordinal) && d.Message.Contains("Mathlib", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_Lean_the_audit_still_rejects()
    {
        await using var checker = new LeanProofChecker(new LeanCheckerOptions { LeanPath = "/nonexistent/lean", LakePath = "/nonexistent/lake" });

        var report = await checker.CheckAsync(Problems.Request("theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by sorry"));

        Assert.Equal(Verdict.Rejected, report.Verdict);
        Assert.Equal("sorry", report.Audit!.Findings.Single().Rule);
    }
}
