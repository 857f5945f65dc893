using ProofCheck.Core;

namespace ProofCheck.Smt.Tests;

/// <summary>What the validator refuses before any solver sees the text, and where it points.</summary>
public sealed class SafeSubsetSpecs
{
    private const string Claim = "(assert (not (> x 0)))\n(check-sat)\n";

    [Theory]
    [InlineData("(set-option :regular-output-channel \"/tmp/pwned\")", "side-effecting-option")]
    [InlineData("(set-option :diagnostic-output-channel \"out.txt\")", "side-effecting-option")]
    [InlineData("(set-option :timeout 0)", "side-effecting-option")]
    [InlineData("(exit)", "exit")]
    [InlineData("(include \"other.smt2\")", "file-access")]
    [InlineData("(echo \"unsat\")", "output")]
    [InlineData("(get-proof)", "output")]
    [InlineData("(get-model)", "output")]
    [InlineData("(get-info :all-statistics)", "output")]
    [InlineData("(push 1)", "assertion-stack")]
    [InlineData("(pop 1)", "assertion-stack")]
    [InlineData("(reset 1)", "assertion-stack")]
    [InlineData("(reset-assertions)", "assertion-stack")]
    [InlineData("(check-sat-assuming (p))", "extra-query")]
    [InlineData("(check-sat)", "extra-query")]
    [InlineData("(eval x)", "solver-extension")]
    [InlineData("(simplify (+ x 1))", "solver-extension")]
    [InlineData("(maximize x)", "solver-extension")]
    [InlineData("(set-logic QF_LIA)", "set-logic-first")]
    [InlineData("(declare-unicorn x)", "allowed-commands")]
    public async Task A_forbidden_command_is_rejected_with_its_position_and_reason_before_any_solver_runs(string forbidden, string rule)
    {
        var text = $"; step\n(declare-const x Int)\n(assert (> x 1))\n  {forbidden}\n{Claim}";

        // No solver is needed to refuse it: with none installed the verdict would be the same.
        await using var checker = new SmtChecker();
        var report = await checker.CheckAsync(Samples.Request(text));

        var result = Assert.Single(report.Obligations);
        Assert.Equal(Verdict.Rejected, result.Verdict);
        var finding = Assert.Single(report.Audit!.Findings);
        Assert.Equal(rule, finding.Rule);
        Assert.Equal(new SourceSpan(4, 4), finding.Span);
        Assert.False(string.IsNullOrWhiteSpace(finding.Reason));
        Assert.Contains(result.Diagnostics, d => d.Span == new SourceSpan(4, 4));
        Assert.Null(report.CheckerVersion);
    }

    [Fact]
    public async Task Commands_inside_comments_and_strings_are_not_mistaken_for_commands()
    {
        var text = "; (exit) and (set-option :regular-output-channel \"x\") in a label\n(declare-const |(exit)| Int)\n(assert (> |(exit)| 1))\n(assert (not (> |(exit)| 0)))\n(check-sat)\n";

        var (drafts, error) = Smt.Obligations.ObligationFileReader.Read(text);

        Assert.Null(error);
        var (obligation, findings) = Smt.Obligations.SafeSubset.Validate(Assert.Single(drafts));
        Assert.Empty(findings);
        Assert.NotNull(obligation);
    }

    [Theory]
    [InlineData("(declare-const x Int)\n(assert (> x 1))\n(check-sat)\n")]
    [InlineData("(declare-const x Int)\n(assert (not (> x 1)))\n")]
    [InlineData("(declare-const x Int)\n(assert (not (> x 1)))\n(check-sat)\n(assert (> x 2))\n")]
    public async Task An_obligation_not_ending_in_a_negated_claim_and_check_sat_is_rejected(string text)
    {
        await using var checker = new SmtChecker();
        var report = await checker.CheckAsync(Samples.Request(text));

        Assert.Equal(Verdict.Rejected, Assert.Single(report.Obligations).Verdict);
        Assert.NotEmpty(report.Audit!.Findings);
    }

    [Theory]
    [InlineData("(declare-const x Int)\n(assert (> x 1)\n(check-sat)\n", 4, 1, "end of input")]
    [InlineData("(declare-const x Int))\n", 1, 22, "')'")]
    [InlineData("(declare-const x Int)\n(assert (> x #z1))\n", 2, 14, "'#'")]
    public async Task Malformed_text_fails_with_the_position_of_the_first_syntax_error(string text, int line, int column, string mentions)
    {
        await using var checker = new SmtChecker();
        var report = await checker.CheckAsync(Samples.Request(text));

        var result = Assert.Single(report.Obligations);
        Assert.Equal(Verdict.Failed, result.Verdict);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceSpan(line, column), error.Span);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_not_verified()
    {
        await using var checker = new SmtChecker();
        var report = await checker.CheckAsync(Samples.Request("; nothing here\n"));

        Assert.Equal(Verdict.Failed, report.Verdict);
    }

    [Fact]
    public void Obligations_are_split_at_reset_and_labelled_by_the_comments_right_above_them()
    {
        var text = "; first step\n; continues here\n(declare-const x Int)\n" + Claim + "(reset)\n\n; not a label: a blank line follows\n\n(declare-const x Int)\n" + Claim;

        var (drafts, error) = Smt.Obligations.ObligationFileReader.Read(text);

        Assert.Null(error);
        Assert.Equal(2, drafts.Count);
        Assert.Equal("first step continues here", drafts[0].Label);
        Assert.Equal("obligation 2", drafts[1].Label);
        Assert.Equal(new SourceSpan(10, 1), drafts[1].Span);
    }
}
