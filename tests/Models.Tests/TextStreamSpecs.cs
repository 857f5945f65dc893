namespace ProofCheck.Models.Tests;

public sealed class TextStreamSpecs
{
    [Fact]
    public void A_stop_string_split_across_pieces_is_never_shown()
    {
        var stops = new StopStringMatcher(["QED"]);

        var shown = stops.Push("so x = 1. Q") + stops.Push("E") + stops.Push("D and more");

        Assert.Equal("so x = 1. ", shown);
        Assert.True(stops.Stopped);
        Assert.Equal("", stops.Flush());
    }

    [Fact]
    public void Text_that_only_looked_like_a_stop_string_is_released()
    {
        var stops = new StopStringMatcher(["QED"]);

        var shown = stops.Push("Q") + stops.Push("uite") + stops.Flush();

        Assert.Equal("Quite", shown);
        Assert.False(stops.Stopped);
    }

    [Fact]
    public void A_reasoning_template_that_opened_the_think_block_makes_the_first_part_reasoning()
    {
        var think = new ThinkTagSplitter(startsInThinking: true);

        var parts = think.Push("Let me try n=1.</think>\nProof: trivial.");
        parts.AddRange(think.Flush());

        Assert.Equal([(true, "Let me try n=1."), (false, "\nProof: trivial.")], parts);
    }

    [Fact]
    public void Without_think_tags_everything_is_answer()
    {
        var (reasoning, answer) = ThinkTagSplitter.SplitWhole("theorem t : 1 + 1 = 2 := rfl");

        Assert.Null(reasoning);
        Assert.Equal("theorem t : 1 + 1 = 2 := rfl", answer);
    }
}
