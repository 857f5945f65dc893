using ProofCheck.Core;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Problems;

namespace ProofCheck.Pipeline.Tests.Loop;

/// <summary>Cases the fence readers used to get wrong, each with the outcome a user should see.</summary>
public sealed class FenceReaderSpecs
{
    private static readonly Problem AnyProblem = new("p", "P", new Provenance(ProvenanceKind.Novel, "test"), "S");

    [Fact]
    public void A_fence_line_indented_four_spaces_does_not_close_the_block()
    {
        // The model shows a nested Markdown example inside its Coq comment, indented as code.
        var answer = "```coq\n(* Write it like this:\n    ```\n*)\nTheorem t : True.\nProof. exact I. Qed.\n```\n";

        var block = Assert.Single(Fences.Read(answer));

        Assert.True(block.Closed);
        Assert.Equal("(* Write it like this:\n    ```\n*)\nTheorem t : True.\nProof. exact I. Qed.\n", block.Code);
        Assert.Equal(block.Code, ArtifactExtractor.Extract(answer, "coq", AnyProblem).Content);
    }

    [Fact]
    public void A_closing_fence_indented_up_to_three_spaces_closes_the_block()
    {
        var block = Assert.Single(Fences.Read("```lean\ntheorem t : True := trivial\n   ```\nDone."));
        Assert.Equal("theorem t : True := trivial\n", block.Code);
        Assert.True(block.Closed);
    }

    [Fact]
    public void Each_block_knows_the_line_it_started_on()
    {
        var blocks = Fences.Read("Intro\r\n\r\n~~~Lean4 {.numberLines}\r\na\r\n~~~\r\ntext\r\n```\r\nb\r\n```");

        Assert.Equal([("lean4", "a\n", 3), (string.Empty, "b\n", 7)], blocks.Select(b => (b.Language, b.Code, b.LineOffset)));
    }

    [Fact]
    public void An_empty_coq_block_is_reported_as_empty_not_checked()
    {
        var choice = Fences.Choose("The proof:\n```coq\n```\n", "coq", "Coq", new HashSet<string> { "coq" });

        Assert.Null(choice.Code);
        Assert.Equal("the ```coq block at line 2 is empty: there is no Coq code to check", choice.Problem);
    }

    [Fact]
    public void A_run_and_a_check_see_no_code_in_an_unclosed_block()
    {
        // An answer whose last block was never closed: neither the run nor `check lean FILE` checks half a block.
        var answer = "```lean4\ntheorem t : 1 = 1 := rfl";

        Assert.False(ArtifactExtractor.Extract(answer, "lean", AnyProblem).HasCode);
        Assert.Contains("never closed", Fences.Choose(answer, "lean", "Lean", new HashSet<string> { "lean4" }).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fence_line_with_an_info_string_inside_a_block_is_code_not_its_end()
    {
        // A prover restarting its block mid-answer: CommonMark closes only at a bare fence, so the code runs on and
        // the checker reports the stray line where the model wrote it.
        var blocks = Fences.Read("```lean4\ntheorem t : True := by\n```lean4\n  trivial\n```\nDone.");

        var block = Assert.Single(blocks);
        Assert.Equal("theorem t : True := by\n```lean4\n  trivial\n", block.Code);
        Assert.Equal(1, block.LineOffset);
    }

    [Fact]
    public void The_last_lean_block_of_an_answer_that_restates_its_proof_is_the_one_checked()
    {
        var answer = "```lean4\ntheorem t : True := by\n  sorry\n```\nBetter:\n```tactics\ntrivial\n```\n```lean4\ntheorem t : True := by\n  trivial\n```";

        var choice = Fences.Choose(answer, "lean", "Lean", new HashSet<string> { "lean", "lean4" });

        Assert.Equal("theorem t : True := by\n  trivial\n", choice.Code);
        Assert.Equal(9, choice.LineOffset);
    }
}
