using ProofCheck.Coq.Statement;
using ProofCheck.Coq.Syntax;
using ProofCheck.Core;

namespace ProofCheck.Coq.Tests;

public sealed class StatementSpecs
{
    private const string Canonical = """
        Require Import Arith.
        (* A comment with Admitted. in it *)
        Definition double (n : nat) : nat := n + n.

        Theorem double_even (n : nat) : exists k, double n = 2 * k.
        Admitted.
        """;

    [Fact]
    public void The_main_theorem_is_the_one_closed_by_Admitted()
    {
        var statement = CanonicalStatement.Parse(Canonical);
        Assert.Equal("double_even", statement.Name);
        Assert.Equal("(n : nat) : exists k, double n = 2 * k", statement.StatementText);
        Assert.Contains("Definition double", statement.Preamble);
        Assert.DoesNotContain("Theorem", statement.Preamble);
    }

    [Fact]
    public void Binders_before_the_colon_become_a_forall()
    {
        Assert.Equal("forall (n : nat), exists k, double n = 2 * k", CanonicalStatement.Parse(Canonical).AsProposition());
    }

    [Fact]
    public void A_statement_without_Admitted_is_refused_with_a_clear_message()
    {
        var e = Assert.Throws<UserInputException>(() => CanonicalStatement.Parse("Theorem t : True.\nProof. exact I. Qed."));
        Assert.Contains("Admitted", e.Message);
    }

    [Theory]
    [InlineData("Theorem double_even (n : nat) : exists k, double n = 2 * k.")]
    [InlineData("Lemma double_even (n:nat) : exists k, double n = 2*k.")]
    [InlineData("Theorem double_even (* same *) (n : nat) :\n  exists k,\n  double n = 2 * k.")]
    public void The_same_tokens_with_other_spacing_and_comments_match(string theorem)
    {
        var match = StatementGate.Find(SentenceSplitter.Split(theorem + "\nProof. Qed.").Sentences, CanonicalStatement.Parse(Canonical));
        Assert.Null(match.Problem);
    }

    [Theory]
    [InlineData("Theorem double_even (n : nat) : exists k, double n = k.", "not as the canonical")]
    [InlineData("Theorem double_even (m : nat) : exists k, double m = 2 * k.", "not as the canonical")]
    [InlineData("Theorem double_even' (n : nat) : exists k, double n = 2 * k.", "is not stated")]
    [InlineData("Section S. Theorem double_even (n : nat) : exists k, double n = 2 * k. Proof. Qed. End S.", "inside a Section or Module")]
    public void A_different_or_misplaced_statement_is_refused(string theorem, string why)
    {
        var match = StatementGate.Find(SentenceSplitter.Split(theorem + "\nProof. Qed.").Sentences, CanonicalStatement.Parse(Canonical));
        Assert.Contains(why, match.Problem);
    }
}
