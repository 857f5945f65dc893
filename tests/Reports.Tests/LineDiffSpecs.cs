using ProofCheck.Reports.Output;

namespace ProofCheck.Reports.Tests;

/// <summary>The one diff between rounds, as <c>proofcheck show</c> and the HTML report print it.</summary>
public sealed class LineDiffSpecs
{
    [Fact]
    public void A_replaced_line_shows_the_old_line_then_the_new_and_nothing_unchanged()
    {
        var before = "Require Import Arith.\nTheorem t : 9.11 < 9.9.\nProof. lia. Qed.\n";
        var after = "Require Import Arith.\nTheorem t : 3.11 < 3.8.\nProof. lia. Qed.\n";

        Assert.Equal(["- Theorem t : 9.11 < 9.9.", "+ Theorem t : 3.11 < 3.8."], LineDiff.Changes(before, after));
    }

    [Fact]
    public void Added_and_removed_lines_keep_their_order_and_line_endings_do_not_count()
    {
        var before = "a\r\nb\r\nc\r\n";
        var after = "a\nc\nd\n";

        Assert.Equal(["- b", "+ d"], LineDiff.Changes(before, after));
        Assert.Empty(LineDiff.Changes(before, before.ReplaceLineEndings("\n")));
    }
}
