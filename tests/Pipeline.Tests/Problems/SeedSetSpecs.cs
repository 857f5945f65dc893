using ProofCheck.Pipeline.Problems;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Problems;

/// <summary>The shipped problems/ folder meets the promises the README makes about it.</summary>
public sealed class SeedSetSpecs
{
    private static readonly Lazy<ProblemSet> Seed = new(() => ProblemSet.Load(RepoPaths.Problems));

    [Fact]
    public void The_seed_set_loads_without_errors_and_has_at_least_sixteen_problems()
    {
        var read = ProblemSet.Read(RepoPaths.Problems);
        Assert.True(read.Errors.Count == 0, string.Join('\n', read.Errors));
        var originals = read.All.Where(p => !p.IsVariant).ToList();
        Assert.True(originals.Count >= 16, $"only {originals.Count} problems");
        // Each is a problem a model can be given: a statement in words and a formal statement with a named main theorem.
        Assert.All(originals, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.StatementMarkdown), p.Id);
            Assert.True(p.LeanStatement is not null || p.CoqStatement is not null, $"{p.Id} has no formal statement");
            Assert.False(string.IsNullOrWhiteSpace(p.MainTheorem), p.Id);
        });
    }

    [Fact]
    public void At_least_ten_problems_carry_a_coq_reference_proof_and_a_broken_copy()
    {
        var withProof = Seed.Value.All.Where(p => !p.IsVariant && p.ReferenceProofs.ContainsKey("coq") && p.BrokenProofs.ContainsKey("coq")).ToList();
        Assert.True(withProof.Count >= 10, $"only {withProof.Count}: {string.Join(", ", withProof.Select(p => p.Id))}");
        // A reference proof proves the problem's own main theorem, and its broken copy really is a different text.
        Assert.All(withProof, p =>
        {
            Assert.Contains(p.MainTheorem!, p.ReferenceProofs["coq"], StringComparison.Ordinal);
            Assert.NotEqual(p.ReferenceProofs["coq"].Trim(), p.BrokenProofs["coq"].Trim());
        });
    }

    [Fact]
    public void There_are_at_least_four_variant_families_of_at_least_two_kinds()
    {
        var families = Seed.Value.All.Where(p => p.IsVariant).GroupBy(p => p.ParentId).ToList();
        Assert.True(families.Count >= 4, $"only {families.Count} families");
        Assert.True(families.Select(f => f.First().Variation).Distinct().Count() >= 2);
        // Every family hangs off an original in the set, and its variants state different things.
        Assert.All(families, f =>
        {
            Assert.False(Seed.Value.Get(f.Key!).IsVariant);
            Assert.Equal(f.Count(), f.Select(v => v.StatementMarkdown).Distinct().Count());
        });
    }

    [Fact]
    public void Every_provenance_kind_but_one_is_represented_and_novel_problems_exist()
    {
        var kinds = Seed.Value.All.Select(p => p.Provenance.Kind).ToHashSet();
        Assert.Contains(ProvenanceKind.Novel, kinds);
        Assert.Contains(ProvenanceKind.Textbook, kinds);
        Assert.Contains(ProvenanceKind.Folklore, kinds);
        Assert.Contains(ProvenanceKind.Competition, kinds);
    }

    [Fact]
    public void The_repunit_family_covers_other_bases_with_generated_statements_and_proofs()
    {
        var base3 = Seed.Value.Get("repunit-prime/base-3");

        Assert.Equal("repunit-prime", base3.ParentId);
        Assert.Equal("other-base", base3.Variation);
        Assert.Equal("3", base3.Parameters["b"]);
        Assert.Contains("Nat.ofDigits 3 (List.replicate n 1)", base3.LeanStatement, StringComparison.Ordinal);
        Assert.Contains("prime (repunit 3 n)", base3.CoqStatement, StringComparison.Ordinal);
        Assert.Contains("prime (repunit 3 n)", base3.ReferenceProofs["coq"], StringComparison.Ordinal);
        Assert.DoesNotContain("{{", base3.StatementMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trap_problems_are_stated_formally()
    {
        Assert.Contains("\"strawberry\".toList.count 'r' = 3", Seed.Value.Get("strawberry-r-count").LeanStatement, StringComparison.Ordinal);
        Assert.Contains("(9.11 : ℝ) < 9.9", Seed.Value.Get("decimal-comparison").LeanStatement, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_lean_statement_imports_mathlib_and_ends_its_main_theorem_with_by_sorry()
    {
        foreach (var p in Seed.Value.All)
        {
            Assert.StartsWith("import Mathlib", p.LeanStatement, StringComparison.Ordinal);
            Assert.Contains($"theorem {p.MainTheorem} ", p.LeanStatement, StringComparison.Ordinal);
            Assert.EndsWith(":= by sorry", p.LeanStatement!.TrimEnd(), StringComparison.Ordinal);
        }
    }
}
