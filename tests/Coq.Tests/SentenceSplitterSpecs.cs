using ProofCheck.Coq.Syntax;

namespace ProofCheck.Coq.Tests;

public sealed class SentenceSplitterSpecs
{
    private static List<string> Sentences(string source) =>
        SentenceSplitter.Split(source).Sentences.Select(s => s.TextIn(source)).ToList();

    [Fact]
    public void A_dot_inside_a_qualified_name_does_not_end_a_sentence()
    {
        Assert.Equal(["exact Nat.add_comm.", "Qed."], Sentences("exact Nat.add_comm.\nQed."));
    }

    [Fact]
    public void Admitted_glued_to_a_qualified_name_is_part_of_the_name_as_coqc_reads_it()
    {
        var split = SentenceSplitter.Split("apply foo.Admitted.\n");
        var sentence = Assert.Single(split.Sentences);
        Assert.Equal("foo.Admitted", sentence.Tokens[1].Text);
    }

    [Fact]
    public void Nested_comments_hide_everything_up_to_their_own_end()
    {
        Assert.Equal(["Qed."], Sentences("(* outer (* inner *) Admitted. still a comment *)\nQed."));
    }

    [Fact]
    public void A_comment_end_inside_a_string_inside_a_comment_does_not_end_the_comment()
    {
        // coqc reads strings inside comments; the comment runs to the second "*)".
        Assert.Equal(["Qed."], Sentences("(* \" *) Admitted. \" *)\nQed."));
    }

    [Fact]
    public void A_doubled_quote_escapes_a_quote_so_a_comment_opener_in_a_string_stays_in_the_string()
    {
        Assert.Equal(["Definition s := \"a\"\" (* \".", "Admitted."], Sentences("Definition s := \"a\"\" (* \".\nAdmitted."));
    }

    [Fact]
    public void Bullets_and_braces_are_sentences_of_their_own()
    {
        Assert.Equal(["induction n.", "-", "simpl.", "{", "auto.", "}", "+", "lia."],
            Sentences("induction n.\n- simpl. { auto. }\n  + lia."));
    }

    [Fact]
    public void A_dot_before_a_digit_or_a_parenthesis_is_not_a_sentence_end()
    {
        Assert.Equal(["Check 1.5.", "Check x.(f)."], Sentences("Check 1.5.\nCheck x.(f)."));
    }

    [Fact]
    public void A_dot_at_the_end_of_input_ends_the_last_sentence()
    {
        Assert.Equal(["Qed."], Sentences("Qed."));
        Assert.Empty(SentenceSplitter.Split("Qed.").Problems);
    }

    [Fact]
    public void An_unterminated_comment_is_reported_and_nothing_after_it_counts_as_code()
    {
        var split = SentenceSplitter.Split("intros.\n(* Admitted.\nQed.");
        Assert.Equal(["intros."], split.Sentences.Select(s => s.TextIn("intros.\n(* Admitted.\nQed.")));
        Assert.Contains(split.Problems, p => p.Message.Contains("unterminated comment") && p.Line == 2);
    }

    [Fact]
    public void An_unterminated_string_is_reported()
    {
        Assert.Contains(SentenceSplitter.Split("Definition s := \"abc.\n").Problems, p => p.Message.Contains("unterminated string"));
    }

    [Fact]
    public void A_last_sentence_without_a_dot_is_reported()
    {
        var split = SentenceSplitter.Split("intros.\nauto");
        Assert.Contains(split.Problems, p => p.Message.Contains("does not end") && p.Line == 2);
    }

    [Fact]
    public void Lines_and_columns_of_sentences_are_those_of_the_source()
    {
        var split = SentenceSplitter.Split("(* c *)\n  intros n.\n");
        var sentence = Assert.Single(split.Sentences);
        Assert.Equal((2, 2), (sentence.Line, sentence.Column));
    }
}
