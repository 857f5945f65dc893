using ProofCheck.Coq.Submission;

namespace ProofCheck.Coq.Tests;

public sealed class SourceExtractionSpecs
{
    [Fact]
    public void The_last_complete_coq_block_is_taken_with_its_line_offset()
    {
        var answer = "Here is a first try:\n```coq\nold.\n```\nAnd the final one:\n\n```coq\nTheorem t : True.\nProof. exact I. Qed.\n```\nDone.";
        var source = CoqSourceExtractor.Extract(answer, out var problem);
        Assert.Null(problem);
        Assert.Equal("Theorem t : True.\nProof. exact I. Qed.\n", source!.Code);
        Assert.Equal(7, source.LineOffset); // line 1 of the block is line 8 of the answer
    }

    [Fact]
    public void Text_without_a_fence_is_plain_coq()
    {
        var source = CoqSourceExtractor.Extract("Theorem t : True.\nProof. exact I. Qed.\n", out _);
        Assert.Equal(0, source!.LineOffset);
    }

    [Fact]
    public void A_coq_block_wins_over_a_later_block_in_another_language()
    {
        var source = CoqSourceExtractor.Extract("```coq\nQed.\n```\n```lean\nsorry\n```\n", out _);
        Assert.Equal("Qed.\n", source!.Code);
    }

    [Theory]
    [InlineData("Some words.\n```lean\ntheorem t : True := trivial\n```\n", "no complete ```coq block")]
    [InlineData("```coq\nTheorem t : True.\n", "never closed")]
    [InlineData("   \n", "empty")]
    [InlineData("The proof:\n```coq\n```\n", "the ```coq block at line 2 is empty")]
    [InlineData("```coq\n   \n\n```\nDone.", "is empty")]
    public void When_nothing_usable_is_found_the_reason_is_given(string answer, string why)
    {
        Assert.Null(CoqSourceExtractor.Extract(answer, out var problem));
        Assert.Contains(why, problem);
    }
}
