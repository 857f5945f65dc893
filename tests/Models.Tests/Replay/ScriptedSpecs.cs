using Microsoft.Extensions.AI;
using ProofCheck.Models.Replay;
using ProofCheck.TestSupport;

namespace ProofCheck.Models.Tests.Replay;

public sealed class ScriptedSpecs
{
    [Fact]
    public async Task Scripted_answers_come_in_order_and_running_out_is_an_error()
    {
        using var model = new ScriptedChatClient("one", "two");

        Assert.Equal("one", (await model.GetResponseAsync("first?")).Text);
        Assert.Equal("two", (await model.GetResponseAsync("second?")).Text);
        var e = await Assert.ThrowsAsync<ReplayMismatchException>(() => model.GetResponseAsync("third?"));
        Assert.Contains("answer 3", e.Message, StringComparison.Ordinal);
        Assert.Equal("second?", model.Requests[1][^1].Text);
    }

    [Fact]
    public async Task A_turn_whose_prompt_does_not_match_the_expectation_fails()
    {
        using var model = new ScriptedChatClient(new ScriptedAnswer("fixed proof", ExpectInPrompt: "error:"));

        var e = await Assert.ThrowsAsync<ReplayMismatchException>(() => model.GetResponseAsync("Prove it."));
        Assert.Contains("expected the prompt to contain", e.Message, StringComparison.Ordinal);
    }
}
