using ProofCheck.Pipeline.Problems.Validation;

namespace ProofCheck.Pipeline.Tests.Problems;

public sealed class StatementShapeSpecs
{
    private const string Lean = "import Mathlib\n\n/-- doc, mentioning sorry -/\ntheorem t (n : ℕ) : n = n := by sorry\n";
    private const string Coq = "Require Import Arith.\n(* a comment that says Admitted. *)\nTheorem t : forall n : nat, n = n.\nAdmitted.\n";

    [Fact]
    public void Well_formed_statements_pass_and_words_in_comments_do_not_count()
    {
        Assert.Null(StatementShape.CheckLean(Lean, "t"));
        Assert.Null(StatementShape.CheckCoq(Coq, "t"));
        Assert.Null(StatementShape.CheckMarkdown("Prove $a^2 \\geq 0$ and $$b = c.$$ It costs \\$5."));
    }

    [Theory]
    [InlineData("import Mathlib\ntheorem u (n : ℕ) : n = n := by sorry\n", "declares no theorem named t")]
    [InlineData("import Mathlib\ntheorem t (n : ℕ) : n = n := by sorry\ntheorem v : True := trivial\n", "must be the last declaration")]
    [InlineData("import Mathlib\ntheorem t (n : ℕ) : n = n := by rfl\n", "end with ':= by sorry'")]
    [InlineData("import Mathlib\nlemma h : False := by sorry\ntheorem t (n : ℕ) : n = n := by sorry\n", "2 occurrences of sorry")]
    [InlineData("import Mathlib\naxiom cheat : False\ntheorem t (n : ℕ) : n = n := by sorry\n", "must not declare an axiom")]
    [InlineData("theorem t (n : ℕ) : n = n := by sorry\n", "must begin with its imports")]
    public void A_lean_statement_of_the_wrong_shape_is_reported(string text, string expected)
    {
        Assert.Contains(expected, StatementShape.CheckLean(text, "t"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Theorem u : True.\nAdmitted.\n", "declares no theorem named t")]
    [InlineData("Theorem t : True.\nProof. exact I. Qed.\n", "end with 'Admitted.'")]
    [InlineData("Lemma h : False.\nAdmitted.\nTheorem t : True.\nAdmitted.\n", "2 occurrences of Admitted")]
    [InlineData("Parameter oracle : nat -> bool.\nTheorem t : True.\nAdmitted.\n", "must not assume anything")]
    [InlineData("Theorem t : {{n}} = 1.\nAdmitted.\n", "unfilled {{placeholder}}")]
    public void A_coq_statement_of_the_wrong_shape_is_reported(string text, string expected)
    {
        Assert.Contains(expected, StatementShape.CheckCoq(text, "t"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_formula_in_markdown_is_reported()
    {
        Assert.Contains("formula is not closed", StatementShape.CheckMarkdown("Prove $a^2 \\geq 0."), StringComparison.Ordinal);
    }
}
