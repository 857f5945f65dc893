namespace ProofCheck.Coq.Tests;

/// <summary>The canonical statements the checker specs prove, cheat on, and break.</summary>
internal static class Statements
{
    /// <summary>A preamble definition, so that shadowing it is a possible trick.</summary>
    public const string DoubleEven = """
        Require Import Arith Lia.

        Definition double (n : nat) : nat := n + n.

        Theorem double_even : forall n : nat, exists k, double n = 2 * k.
        Admitted.
        """;

    public const string HonestDoubleEven = """
        Require Import Arith Lia.
        Require Import Coq.Strings.String.

        Definition double (n : nat) : nat := n + n.

        (* A helper lemma. This comment mentions Admitted. and admit, which are not code. *)
        Lemma double_is_twice : forall n : nat, double n = 2 * n.
        Proof.
          intros n. unfold double. lia.
        Qed.

        Definition note : string := "Admitted. (* not a comment, not code *)"%string.

        Theorem double_even : forall n : nat, exists k, double n = 2 * k.
        Proof.
          intros n. exists n.
          apply double_is_twice.
        Qed.
        """;

    /// <summary>Classical logic: provable only with the excluded middle.</summary>
    public const string ExcludedMiddle = """
        Theorem em : forall P : Prop, P \/ ~ P.
        Admitted.
        """;

    public const string ClassicalProof = """
        Require Import Classical.
        Theorem em : forall P : Prop, P \/ ~ P.
        Proof. exact classic. Qed.
        """;
}
