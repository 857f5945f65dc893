using ProofCheck.LeanBridge.Extraction;

namespace ProofCheck.LeanBridge.Tests;

public sealed class ExtractionSpecs
{
    [Fact]
    public void The_last_complete_lean_block_is_taken_by_default_and_its_line_remembered()
    {
        var answer = "First try:\n```lean\ntheorem a : True := sorry\n```\nBetter:\n```lean4\ntheorem a : True := trivial\n```\n";

        var code = LeanExtraction.Extract(answer);

        Assert.Equal("theorem a : True := trivial", code.Code);
        Assert.Equal(7, code.FirstLine);
        Assert.Equal(7, code.ToAnswerLine(1));
    }

    [Fact]
    public void The_first_block_can_be_asked_for()
    {
        var answer = "```lean\ntheorem a : True := sorry\n```\n```lean\ntheorem a : True := trivial\n```";

        Assert.Equal("theorem a : True := sorry", LeanExtraction.Extract(answer, firstBlock: true).Code);
    }

    [Fact]
    public void Plain_Lean_without_a_fence_is_used_as_it_is()
    {
        var code = LeanExtraction.Extract("theorem a : True := trivial\n");

        Assert.Equal("plain", code.Source);
        Assert.Equal(1, code.FirstLine);
    }

    [Fact]
    public void A_cut_off_lean_block_is_reported_clearly()
    {
        var e = Assert.Throws<NoLeanCodeException>(() => LeanExtraction.Extract("Proof:\n```lean\ntheorem a : True := by\n  trivi"));

        Assert.Contains("never closed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fenced_code_in_another_language_is_not_taken_for_Lean()
    {
        var e = Assert.Throws<NoLeanCodeException>(() => LeanExtraction.Extract("```python\nprint(1)\n```"));

        Assert.Contains("python", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_answer_says_there_is_no_code()
    {
        Assert.Throws<NoLeanCodeException>(() => LeanExtraction.Extract("   \n"));
    }

    [Fact]
    public void A_longer_fence_may_contain_a_shorter_one()
    {
        var code = LeanExtraction.Extract("````lean\n/-- ```example``` -/\ntheorem a : True := trivial\n````");

        Assert.Equal("/-- ```example``` -/\ntheorem a : True := trivial", code.Code);
    }
}
