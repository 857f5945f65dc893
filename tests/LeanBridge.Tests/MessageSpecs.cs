using System.Text.Json;
using ProofCheck.Core;
using ProofCheck.LeanBridge.Messages;

namespace ProofCheck.LeanBridge.Tests;

public sealed class MessageSpecs
{
    [Theory]
    [InlineData("'Empiricist.scaffold_true' does not depend on any axioms", "Empiricist.scaffold_true", "")]
    [InlineData("'Empiricist.connected_edge_bound' depends on axioms: [propext, Classical.choice, Quot.sound]", "Empiricist.connected_edge_bound", "Classical.choice,Quot.sound,propext")]
    [InlineData("'tfl_main' depends on axioms: [sorryAx]", "tfl_main", "sorryAx")]
    [InlineData("'ohno' depends on axioms: [Lean.ofReduceBool]", "ohno", "Lean.ofReduceBool")]
    [InlineData("'Empiricist.nd' depends on axioms: [Empiricist.nd._native.native_decide.ax_1_1]", "Empiricist.nd", "Empiricist.nd._native.native_decide.ax_1_1")]
    [InlineData("'«weird name»' depends on axioms: [«cheat», propext]", "weird name", "cheat,propext")]
    public void Axiom_reports_are_parsed_in_both_forms(string text, string constant, string axioms)
    {
        var report = AxiomReport.TryParse(text)!;

        Assert.Equal(constant, report.Constant);
        Assert.Equal(axioms, string.Join(',', report.Axioms.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Other_information_is_not_an_axiom_report()
    {
        Assert.Null(AxiomReport.TryParse("Nat.add_comm (n m : ℕ) : n + m = m + n"));
    }

    [Fact]
    public void Silent_messages_are_skipped_and_other_output_kept()
    {
        var (messages, other) = LeanJsonOutput.Parse(
            """
            {"caption":"","data":"Goals accomplished!","endPos":null,"fileName":"a.lean","isSilent":true,"keepFullRange":false,"kind":"[anonymous]","pos":{"column":0,"line":1},"severity":"information"}
            not json at all
            {"caption":"","data":"unsolved goals\ncase succ\nx : Nat\nhx : x + 1 > x\n⊢ x + 1 + 1 > x + 1","endPos":{"column":3,"line":2},"fileName":"a.lean","isSilent":false,"keepFullRange":false,"kind":"[anonymous]","pos":{"column":1,"line":2},"severity":"error"}
            """);

        var m = Assert.Single(messages);
        Assert.Equal(DiagnosticSeverity.Error, m.Severity);
        Assert.Equal("unsolved goals", m.Headline);
        Assert.Equal("case succ\nx : Nat\nhx : x + 1 > x\n⊢ x + 1 + 1 > x + 1", m.Goal);
        Assert.Equal(["not json at all"], other);
    }

    [Fact]
    public void The_REPLs_info_severity_is_information()
    {
        using var doc = JsonDocument.Parse("""{"severity": "info", "pos": {"line": 0, "column": 0}, "endPos": {"line": 0, "column": 0}, "data": "Try this:\n  [apply] exact Nat.one_pos"}""");

        var m = LeanMessage.FromJson(doc.RootElement)!;

        Assert.Equal(DiagnosticSeverity.Information, m.Severity);
        Assert.Null(m.Goal);
    }
}
