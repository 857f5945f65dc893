using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;

namespace ProofCheck.Pipeline.Tests.Problems;

public sealed class ManifestSpecs
{
    [Fact]
    public void A_complete_problem_folder_loads_with_its_statements_and_manifest_fields()
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("add-comm");
        folder.Write("add-comm/proof.v", "Theorem add_comm_nat : forall a b : nat, a + b = b + a.\nProof. intros. apply PeanoNat.Nat.add_comm. Qed.\n");

        var set = ProblemSet.Load(folder.Root);

        var p = Assert.Single(set.All);
        Assert.Equal("add-comm", p.Id);
        Assert.Equal(ProvenanceKind.Textbook, p.Provenance.Kind);
        Assert.Equal("any algebra book", p.Provenance.Reference);
        Assert.Equal(["algebra"], p.Tags);
        Assert.Equal("add_comm_nat", p.MainTheorem);
        Assert.StartsWith("Theorem add_comm_nat", p.CoqStatement, StringComparison.Ordinal);
        Assert.Contains("Qed.", p.ReferenceProofs["coq"], StringComparison.Ordinal);
        Assert.Empty(p.BrokenProofs);
        Assert.False(p.IsVariant);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_with_file_and_line()
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("add-comm", "id: add-comm\ntitle: \"unclosed\nprovenance: x\n  - y\n");

        var error = Assert.Single(ProblemSet.Read(folder.Root).Errors);

        Assert.EndsWith("problem.yaml", error.File, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
        Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_bracket_is_reported_as_invalid_yaml_not_as_a_crash()
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("add-comm", "id: add-comm\ntitle: [unclosed\nprovenance: x\n");

        var error = Assert.Single(ProblemSet.Read(folder.Root).Errors);

        Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_is_reported_as_invalid_yaml()
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("add-comm", "id: add-comm\nid: add-comm\n");

        var error = Assert.Single(ProblemSet.Read(folder.Root).Errors);

        Assert.Equal(2, error.Line);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_an_unknown_provenance_kind_and_a_missing_title_are_all_reported_with_lines()
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("add-comm", """
            id: add-comm
            provenance:
              kind: textbok
              reference: any algebra book
            tag: [algebra]
            theorem: add_comm_nat
            """);

        var errors = ProblemSet.Read(folder.Root).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains(errors, e => e.Contains("problem.yaml:3:9: provenance kind must be one of textbook, competition, folklore, novel (got 'textbok')", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("problem.yaml:5:1: unknown key 'tag'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("problem.yaml:1:1: missing 'title'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_id_that_is_not_the_folder_name_is_an_error()
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("add-comm", """
            id: addition-commutes
            title: t
            provenance: { kind: novel, reference: r }
            theorem: add_comm_nat
            """);

        var error = Assert.Single(ProblemSet.Read(folder.Root).Errors);

        Assert.Contains("id 'addition-commutes' must equal the folder name 'add-comm'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_copy_without_a_reference_proof_and_a_missing_lean_statement_are_errors()
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("add-comm");
        File.Delete(Path.Combine(folder.Root, "add-comm", "statement.lean"));
        folder.Write("add-comm/broken.v", "Theorem add_comm_nat : forall a b : nat, a + b = b + a.\nProof. reflexivity. Qed.\n");

        var errors = ProblemSet.Read(folder.Root).Errors;

        Assert.Contains(errors, e => e.File.EndsWith("broken.v", StringComparison.Ordinal) && e.Message.Contains("needs the reference proof proof.v", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File.EndsWith("statement.lean", StringComparison.Ordinal) && e.Message.StartsWith("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_refuses_a_malformed_set_with_one_message_listing_every_error()
    {
        using var folder = new ProblemFolder().WriteMinimalProblem("good").WriteMinimalProblem("bad", "id: bad\n");
        folder.Write("no-manifest/statement.md", "x");

        var e = Assert.Throws<UserInputException>(() => ProblemSet.Load(folder.Root));

        Assert.Contains("missing 'title'", e.Message, StringComparison.Ordinal);
        Assert.Contains("no problem.yaml", e.Message, StringComparison.Ordinal);
        Assert.Single(ProblemSet.Read(folder.Root).All);
    }

    [Fact]
    public void A_missing_problems_folder_is_a_clear_user_error()
    {
        var e = Assert.Throws<UserInputException>(() => ProblemSet.Load("/nonexistent/problems"));

        Assert.Contains("/nonexistent/problems", e.Message, StringComparison.Ordinal);
    }
}
