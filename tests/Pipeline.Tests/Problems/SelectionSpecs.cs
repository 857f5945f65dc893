using ProofCheck.Core;
using ProofCheck.Pipeline.Problems;
using ProofCheck.TestSupport;

namespace ProofCheck.Pipeline.Tests.Problems;

public sealed class SelectionSpecs
{
    private static readonly Lazy<ProblemSet> Seed = new(() => ProblemSet.Load(RepoPaths.Problems));

    [Fact]
    public void An_unknown_id_is_refused_with_the_closest_ids()
    {
        var e = Assert.Throws<UserInputException>(() => Seed.Value.Get("repunit-prim"));

        Assert.Contains("No problem with id 'repunit-prim'. Did you mean: repunit-prime", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_returns_null_for_an_unknown_id()
    {
        Assert.Null(Seed.Value.Find("no-such-problem"));
        Assert.NotNull(Seed.Value.Find("gauss-sum"));
    }

    [Fact]
    public void A_glob_selects_a_whole_family_and_no_patterns_select_everything()
    {
        var family = Seed.Value.Select(["repunit-prime/*"]);

        Assert.NotEmpty(family);
        Assert.All(family, p => Assert.Equal("repunit-prime", p.ParentId));
        Assert.Equal(Seed.Value.All.Count, Seed.Value.Select([]).Count);
    }

    [Fact]
    public void Tags_and_provenance_kinds_select_and_overlapping_patterns_do_not_repeat_problems()
    {
        var selected = Seed.Value.Select(["kind:novel", "novel-pow-mod-5", "tag:trap"]);

        Assert.Equal(selected.Count, selected.Select(p => p.Id).Distinct().Count());
        Assert.Contains(selected, p => p.Id == "strawberry-r-count");
        Assert.All(selected, p => Assert.True(p.Provenance.Kind == ProvenanceKind.Novel || p.Tags.Contains("trap")));
    }

    [Fact]
    public void A_pattern_that_matches_nothing_is_refused_with_suggestions()
    {
        var e = Assert.Throws<UserInputException>(() => Seed.Value.Select(["gauss-summ"]));

        Assert.Contains("No problem matches 'gauss-summ'. Did you mean: gauss-sum", e.Message, StringComparison.Ordinal);
        Assert.Throws<UserInputException>(() => Seed.Value.Select(["kind:homework"]));
    }
}
