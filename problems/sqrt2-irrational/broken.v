Require Import ZArith Lia.
Open Scope Z_scope.

Lemma square_even : forall p q : Z, p * p = 2 * (q * q) -> Z.even p = true.
Proof.
  intros p q H.
  destruct (Z.even p) eqn:E; [reflexivity |].
  assert (Hpp : Z.even (p * p) = Z.even (2 * (q * q))) by (rewrite H; reflexivity).
  rewrite Z.even_mul, E, Z.even_mul in Hpp. discriminate.
Qed.

Lemma descent : forall (n : nat) (p q : Z), (Z.abs_nat q <= n)%nat -> q <> 0 -> p * p <> 2 * (q * q).
Proof.
  induction n as [|n IH]; intros p q Hn Hq H.
  - lia.
  - apply square_even in H as Hev. apply Z.even_spec in Hev. destruct Hev as [r Hr]. subst p.
    assert (Hqr : q * q = 2 * (r * r)) by nia.
    assert (Hr0 : r <> 0) by (intro; subst r; nia).
    assert (Hlt : Z.abs r < Z.abs q) by (destruct (Z.abs_spec r) as [[? ->]|[? ->]]; destruct (Z.abs_spec q) as [[? ->]|[? ->]]; nia).
    apply (IH q r); [lia | exact Hq | exact Hqr].
Qed.

Theorem sqrt2_irrational : forall p q : Z, q <> 0 -> p * p <> 2 * (q * q).
Proof.
  intros p q. apply (descent (Z.abs_nat q)). lia.
Qed.
