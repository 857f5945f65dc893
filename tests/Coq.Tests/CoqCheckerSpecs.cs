using ProofCheck.Core;
using ProofCheck.Execution;
using ProofCheck.TestSupport;

namespace ProofCheck.Coq.Tests;

[Collection("coqc")]
public sealed class CoqCheckerSpecs
{
    private static Task<CheckReport> Check(string submission, string statement, IReadOnlyList<string>? axioms = null, TimeSpan? timeout = null) =>
        new CoqChecker().CheckAsync(new CheckRequest(submission)
        {
            CanonicalStatement = statement,
            AllowedAxioms = axioms,
            Timeout = timeout,
        });

    [RequiresToolFact("coqc")]
    public async Task A_correct_proof_with_helper_lemmas_and_Admitted_in_a_comment_and_a_string_is_Verified()
    {
        var report = await Check(Statements.HonestDoubleEven, Statements.DoubleEven);
        Assert.True(report.Verdict == Verdict.Verified, ReportJson.Serialize(report));
        Assert.True(report.Audit!.Passed);
        Assert.Contains(report.Audit.Checked, c => c.StartsWith("statement-meaning", StringComparison.Ordinal));
        Assert.Contains(report.Audit.Checked, c => c.StartsWith("assumptions", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(report.CheckerVersion));
        Assert.Equal("coqc", report.Obligations[0].Solver);
    }

    [RequiresToolFact("coqc")]
    public async Task A_wrong_proof_is_Failed_with_the_error_line_in_the_answer_and_the_goal_at_the_failing_tactic()
    {
        var answer = "I will prove it.\n\n```coq\n" + Statements.HonestDoubleEven.Replace("exists n.", "exists (n + 1).", StringComparison.Ordinal) + "\n```\n";
        var report = await Check(answer, Statements.DoubleEven);

        Assert.True(report.Verdict == Verdict.Failed, ReportJson.Serialize(report));
        var error = report.Obligations[0].Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        var answerLines = answer.Split('\n');
        Assert.Contains("apply double_is_twice", answerLines[error.Span!.Line - 1]);
        Assert.True(error.Goal?.Contains("double n = 2 * (n + 1)", StringComparison.Ordinal), ReportJson.Serialize(report));
    }

    [RequiresToolFact("coqc")]
    public async Task A_proof_that_stops_early_is_Failed_at_Qed_with_the_goals_left_open()
    {
        var unfinished = Statements.HonestDoubleEven.Replace("  apply double_is_twice.\n", string.Empty, StringComparison.Ordinal);
        var report = await Check(unfinished, Statements.DoubleEven);

        Assert.True(report.Verdict == Verdict.Failed, ReportJson.Serialize(report));
        var error = report.Obligations[0].Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("incomplete proof", error.Message, StringComparison.Ordinal);
        Assert.Equal("Qed.", unfinished.Split('\n')[error.Span!.Line - 1].Trim());
        Assert.True(error.Goal?.Contains("double n = 2 * n", StringComparison.Ordinal), ReportJson.Serialize(report));
    }

    [RequiresToolFact("coqc")]
    public async Task A_statement_with_binders_before_the_colon_is_checked_in_its_forall_form()
    {
        const string statement = "Require Import Arith.\nTheorem add_zero (n : nat) : n + 0 = n.\nAdmitted.\n";
        var report = await Check("Require Import Arith.\nTheorem add_zero (n : nat) : n + 0 = n.\nProof. apply Nat.add_0_r. Qed.\n", statement);
        Assert.Equal(Verdict.Verified, report.Verdict);
    }

    [RequiresToolFact("coqc")]
    public async Task An_axiom_the_problem_allows_is_accepted_and_one_it_does_not_is_Rejected()
    {
        var allowed = await Check(Statements.ClassicalProof, Statements.ExcludedMiddle, ["classic"]);
        var forbidden = await Check(Statements.ClassicalProof, Statements.ExcludedMiddle);
        Assert.Equal(Verdict.Verified, allowed.Verdict);
        Assert.Equal(Verdict.Rejected, forbidden.Verdict);
        Assert.Contains(forbidden.Audit!.Findings, f => f.Rule == "assumptions" && f.Construct.Contains("classic", StringComparison.Ordinal));
    }

    [RequiresToolFact("coqc")]
    public async Task A_proof_that_runs_forever_is_a_Timeout()
    {
        const string looping = "Require Import NArith.\nTheorem em : forall P : Prop, P \\/ ~ P.\n"
            + "Proof. assert (N.iter 100000000000 (fun x : N => x) 0%N = 0%N) by (vm_compute; reflexivity). Qed.\n";
        var report = await Check(looping, Statements.ExcludedMiddle, timeout: TimeSpan.FromSeconds(3));
        Assert.Equal(Verdict.Timeout, report.Verdict);
    }

    [Fact]
    public async Task An_answer_with_no_coq_code_is_Failed_with_the_reason()
    {
        var report = await Check("I could not formalize this.\n```lean\nsorry\n```\n", Statements.DoubleEven);
        Assert.Equal(Verdict.Failed, report.Verdict);
        Assert.Contains("no complete ```coq block", report.Obligations[0].Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Null(report.Obligations[0].Solver); // coqc never ran
    }

    [Theory]
    [InlineData("Here is the proof:\n```coq\n```\n", "the ```coq block at line 2 is empty")]
    [InlineData("```coq\n    ```\nTheorem t : True.\n", "never closed")]
    public async Task An_empty_or_unclosed_coq_block_is_Failed_with_the_reason_and_never_compiled(string answer, string reason)
    {
        // The second answer's only fence-like line is indented 4 spaces: code, not the end of the block (CommonMark).
        var report = await Check(answer, Statements.DoubleEven);
        Assert.Equal(Verdict.Failed, report.Verdict);
        Assert.Contains(reason, report.Obligations[0].Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Null(report.Obligations[0].Solver);
    }

    [Fact]
    public async Task A_canonical_statement_without_a_main_theorem_is_a_Failed_report_that_names_the_statement()
    {
        var report = await Check(Statements.HonestDoubleEven, "Require Import Arith.\nDefinition x := 1.\n");
        Assert.Equal(Verdict.Failed, report.Verdict);
        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal("statement", diagnostic.Source);
        Assert.Contains("Admitted", diagnostic.Message, StringComparison.Ordinal);
    }

    [RequiresToolFact("coqc")]
    public async Task The_temporary_folder_is_removed_after_a_check()
    {
        var before = Directory.GetDirectories(TempFolders.Root, "coq-*").ToHashSet();
        await Check(Statements.HonestDoubleEven, Statements.DoubleEven);
        var after = Directory.GetDirectories(TempFolders.Root, "coq-*").ToHashSet();
        Assert.Subset(before, after);
        Assert.Empty(after.Except(before));
    }
}
