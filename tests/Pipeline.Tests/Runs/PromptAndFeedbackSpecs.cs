using ProofCheck.Core;
using ProofCheck.Pipeline.Loop;
using ProofCheck.Pipeline.Problems;
using ProofCheck.Pipeline.Prompts;

namespace ProofCheck.Pipeline.Tests.Runs;

public sealed class PromptAndFeedbackSpecs
{
    [Fact]
    public void The_shipped_prompts_offer_plain_and_reflective_prove_styles()
    {
        var styles = PromptLibrary.Create().ProveStyles();
        Assert.Contains("plain", styles);
        Assert.Contains("reflective", styles);
        var reflective = PromptLibrary.Create().Render("prove-reflective", new Dictionary<string, string> { ["title"] = "T", ["statement"] = "S" });
        Assert.Contains("confidence", reflective, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_prompt_folder_overrides_one_file_and_keeps_the_rest()
    {
        var dir = Directory.CreateTempSubdirectory("proofcheck-prompts-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "prove-terse.md"), "Prove {{title}} tersely.");
            var library = PromptLibrary.Create(dir);
            Assert.Equal("Prove Gauss tersely.\n", library.Render("prove-terse", new Dictionary<string, string> { ["title"] = "Gauss" }));
            Assert.Contains("terse", library.ProveStyles());
            Assert.Contains("{{feedback}}", library.Load("repair").Text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_template_with_an_unknown_placeholder_is_an_error_naming_it()
    {
        var e = Assert.Throws<UserInputException>(() => PromptLibrary.Fill("Prove {{titel}}.", new Dictionary<string, string> { ["title"] = "x" }, "my.md"));
        Assert.Contains("{{titel}}", e.Message, StringComparison.Ordinal);
        Assert.Contains("my.md", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_prove_style_lists_the_available_ones()
    {
        var e = Assert.Throws<UserInputException>(() => PromptLibrary.Create().Load("prove-socratic"));
        Assert.Contains("reflective", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_puts_the_audit_and_counterexamples_first_and_stays_within_its_budget()
    {
        var errors = Enumerable.Range(1, 200).Select(i => Diagnostic.Error($"error number {i} " + new string('x', 60), new SourceSpan(i, 1)) with { Goal = "n : nat\n======\nn = n" });
        var report = new CheckReport("coqc", [new ObligationResult("main theorem", Verdict.Rejected) { Diagnostics = [.. errors] }])
        {
            Audit = new AuditReport(["no-admit"], [new AuditFinding("no-admit", "Admitted", new SourceSpan(9, 1), "leaves the proof unfinished")]),
        };

        var text = FeedbackCondenser.Condense(report, tokenBudget: 200);

        Assert.True(text.Length <= 200 * 4 + 200, $"{text.Length} characters");
        Assert.StartsWith("Verdict: Rejected", text, StringComparison.Ordinal);
        Assert.Contains("line 9, column 1: `Admitted` is not allowed: leaves the proof unfinished", text, StringComparison.Ordinal);
        Assert.Contains("line 1, column 1: error number 1 ", text, StringComparison.Ordinal);
        Assert.Contains("Goal at that point", text, StringComparison.Ordinal);
        Assert.Matches(@"\(\d+ more message\(s\) not shown\)", text);
    }

    [Theory]
    [InlineData("```coq\nTheorem a : True.\n```\n\n```lean\ntheorem a : True := trivial\n```", "coq", "Theorem a : True.\n")]
    [InlineData("~~~~rocq\nLemma x.\n~~~~", "coq", "Lemma x.\n")]
    [InlineData("```lean4\ntheorem t : 1 = 1 := rfl\n```", "lean", "theorem t : 1 = 1 := rfl\n")]
    public void Code_for_a_target_is_found_by_its_fence_language(string answer, string target, string expected)
    {
        var problem = new Problem("p", "P", new Provenance(ProvenanceKind.Novel, "test"), "S");
        var (content, hasCode) = ArtifactExtractor.Extract(answer, target, problem);
        Assert.True(hasCode);
        Assert.Equal(expected, content);
    }

    [Fact]
    public void Several_SMT_blocks_become_one_obligation_file_one_labelled_step_each()
    {
        var problem = new Problem("p", "P", new Provenance(ProvenanceKind.Novel, "test"), "S");
        var (content, _) = ArtifactExtractor.Extract("```smt2\n(check-sat)\n```\ntext\n```smt2\n(check-sat)\n```", "smt", problem);
        Assert.Equal("; step 1\n(check-sat)\n\n(reset)\n\n; step 2\n(check-sat)\n", content);
    }
}

public sealed class FinalProofSpecs
{
    [Fact]
    public void A_reflective_answer_is_formalized_from_its_final_proof_section_without_thinking()
    {
        var answer = "<think>scratch</think>Step 1 ... confidence 4, backtrack.\n\n## Proof\n1. n*n >= 0.\nQED";
        Assert.Equal("## Proof\n1. n*n >= 0.\nQED", ProofCheck.Pipeline.Loop.SampleRunner.FinalProof(answer));
    }

    [Fact]
    public void A_plain_answer_is_formalized_whole()
    {
        Assert.Equal("1. n*n >= 0.\nQED", ProofCheck.Pipeline.Loop.SampleRunner.FinalProof("1. n*n >= 0.\nQED\n"));
    }
}
