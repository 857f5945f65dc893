using ProofCheck.Pipeline.Problems;

namespace ProofCheck.Pipeline.Tests.Problems;

public sealed class VariantSpecs
{
    private const string Family = """
        id: square-nonneg
        title: A square is at least zero
        provenance: { kind: novel, reference: written for the tests }
        theorem: square_bound
        variants:
          variation: changed-constants
          title: "A square plus {{c}} is at least {{c}}"
          sets:
            - id: plus-1
              params: { c: "1" }
            - id: plus-7
              params: { c: "7" }
        """;

    private static ProblemFolder FamilyFolder()
    {
        var folder = new ProblemFolder().WriteMinimalProblem("square-nonneg", Family);
        folder.Write("square-nonneg/variant/statement.md", "Prove $n^2 + {{c}} \\geq {{c}}$.\n");
        folder.Write("square-nonneg/variant/statement.lean", "import Mathlib\n\ntheorem square_bound (n : ℕ) : {{ c }} ≤ n ^ 2 + {{c}} := by sorry\n");
        folder.Write("square-nonneg/variant/statement.v", "Theorem square_bound : forall n : nat, {{c}} <= n * n + {{c}}.\nAdmitted.\n");
        folder.Write("square-nonneg/variant/proof.v", "Require Import Lia.\nTheorem square_bound : forall n : nat, {{c}} <= n * n + {{c}}.\nProof. lia. Qed.\n");
        return folder;
    }

    [Fact]
    public void Each_parameter_set_becomes_a_problem_named_after_its_parent_with_every_template_filled()
    {
        using var folder = FamilyFolder();

        var set = ProblemSet.Load(folder.Root);

        Assert.Equal(["square-nonneg", "square-nonneg/plus-1", "square-nonneg/plus-7"], set.All.Select(p => p.Id));
        var v = set.Get("square-nonneg/plus-7");
        Assert.Equal("square-nonneg", v.ParentId);
        Assert.Equal("changed-constants", v.Variation);
        Assert.Equal("A square plus 7 is at least 7", v.Title);
        Assert.Equal("7", v.Parameters["c"]);
        Assert.Equal("Prove $n^2 + 7 \\geq 7$.\n", v.StatementMarkdown);
        Assert.Contains("theorem square_bound (n : ℕ) : 7 ≤ n ^ 2 + 7 := by sorry", v.LeanStatement, StringComparison.Ordinal);
        Assert.Contains("forall n : nat, 7 <= n * n + 7.\nProof. lia. Qed.", v.ReferenceProofs["coq"], StringComparison.Ordinal);
        Assert.Equal("square_bound", v.MainTheorem);
        Assert.EndsWith(Path.Combine("variant", "proof.v"), v.Sources["proof.v"], StringComparison.Ordinal);
        Assert.Equal(set.VariantsOf("square-nonneg").Select(p => p.Id), ["square-nonneg/plus-1", "square-nonneg/plus-7"]);
    }

    [Fact]
    public void A_placeholder_without_a_value_is_reported_at_its_template_line()
    {
        using var folder = FamilyFolder();
        folder.Write("square-nonneg/variant/statement.v", "(* c is the constant *)\nTheorem square_bound : forall n : nat, {{c}} <= n * n + {{d}}.\nAdmitted.\n");

        var errors = ProblemSet.Read(folder.Root).Errors;

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e =>
        {
            Assert.EndsWith(Path.Combine("variant", "statement.v"), e.File, StringComparison.Ordinal);
            Assert.Equal(2, e.Line);
            Assert.Equal(57, e.Column);
            Assert.StartsWith("placeholder {{d}} has no value", e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_parameter_no_template_uses_is_reported_as_a_likely_typo()
    {
        using var folder = FamilyFolder();
        folder.Write("square-nonneg/problem.yaml", Family.Replace("params: { c: \"7\" }", "params: { c: \"7\", constant: \"7\" }", StringComparison.Ordinal));

        var error = Assert.Single(ProblemSet.Read(folder.Root).Errors);

        Assert.Contains("parameter 'constant' of variant 'plus-7' is not used by any template", error.Message, StringComparison.Ordinal);
        Assert.Equal(11, error.Line);
    }

    [Fact]
    public void Two_parameter_sets_that_generate_the_same_statements_are_an_error()
    {
        using var folder = FamilyFolder();
        folder.Write("square-nonneg/problem.yaml", Family.Replace("params: { c: \"7\" }", "params: { c: \"1\" }", StringComparison.Ordinal));

        var error = Assert.Single(ProblemSet.Read(folder.Root).Errors);

        Assert.Contains("variant 'plus-7' generates the same statements as variant 'plus-1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_template_folder_is_an_error()
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("square-nonneg", Family);

        var error = Assert.Single(ProblemSet.Read(folder.Root).Errors);

        Assert.Contains("variant template folder 'variant' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_line_parameter_value_is_refused()
    {
        using var folder = FamilyFolder();
        folder.Write("square-nonneg/problem.yaml", Family.Replace("params: { c: \"7\" }", "params: { c: \"7\\n8\" }", StringComparison.Ordinal));

        var error = Assert.Single(ProblemSet.Read(folder.Root).Errors);

        Assert.Contains("parameter 'c' must be a single-line value", error.Message, StringComparison.Ordinal);
    }
}
