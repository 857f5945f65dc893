Require Import ZArith Znumtheory Lia.
Open Scope Z_scope.

(** [repunit b n] is the number written with [n] ones in base [b]: [1 + b + ... + b^(n-1)]. *)
Fixpoint repunit (b : Z) (n : nat) : Z :=
  match n with
  | O => 0
  | S k => repunit b k * b + 1
  end.

Lemma repunit_add : forall b a m,
  repunit b (a + m) = repunit b a * b ^ Z.of_nat m + repunit b m.
Proof.
  intros b a m. induction m as [|m IH].
  - rewrite Nat.add_0_r. simpl. ring.
  - rewrite Nat.add_succ_r. cbn [repunit]. rewrite IH.
    rewrite Nat2Z.inj_succ, Z.pow_succ_r by lia. ring.
Qed.

Lemma repunit_divides : forall b a c, (repunit b a | repunit b (a * c)).
Proof.
  intros b a c. induction c as [|c IH].
  - rewrite Nat.mul_0_r. simpl. apply Z.divide_0_r.
  - rewrite Nat.mul_succ_r, repunit_add.
    apply Z.divide_add_r; [apply Z.divide_mul_l; exact IH | apply Z.divide_refl].
Qed.

Lemma repunit_nonneg : forall b n, 2 <= b -> 0 <= repunit b n.
Proof.
  intros b n Hb. induction n as [|n IH]; simpl; nia.
Qed.

Lemma repunit_lt : forall b k m, 2 <= b -> (k < m)%nat -> repunit b k < repunit b m.
Proof.
  intros b k m Hb Hkm. induction Hkm as [|m Hkm IH].
  - simpl. pose proof (repunit_nonneg b k Hb). nia.
  - simpl. pose proof (repunit_nonneg b m Hb). nia.
Qed.

Theorem repunit_prime_digits_any_base : forall b, 2 <= b ->
  forall n : nat, prime (repunit b n) -> prime (Z.of_nat n).
Proof.
  intros b Hb n Hprime.
  destruct (prime_dec (Z.of_nat n)) as [Hn | Hn]; [exact Hn | exfalso].
  destruct n as [|[|n]].
  - destruct Hprime as [H1 _]. lia.
  - destruct Hprime as [H1 _]. lia.
  - destruct (not_prime_divide (Z.of_nat (S (S n)))) as [d [Hd [q Hq]]]; [lia | exact Hn |].
    assert (Hq1 : 1 < q) by nia.
    set (a := Z.to_nat d). set (c := Z.to_nat q).
    assert (Hac : S (S n) = (a * c)%nat) by (apply Nat2Z.inj; rewrite Nat2Z.inj_mul; unfold a, c; rewrite !Z2Nat.id by lia; lia).
    assert (Hlow : repunit b 1 < repunit b a) by (apply repunit_lt; [exact Hb | unfold a; lia]).
    assert (Hhigh : repunit b a < repunit b (S (S n))) by (apply repunit_lt; [exact Hb | unfold a; lia]).
    apply prime_alt in Hprime. destruct Hprime as [_ Hnodiv].
    apply (Hnodiv (repunit b a)).
    + simpl in Hlow. lia.
    + rewrite Hac. apply repunit_divides.
Qed.
