Require Import Arith Lia.

Lemma consecutive_even : forall n : nat, exists j, n * (n + 1) = 2 * j.
Proof.
  induction n as [|n [j Hj]].
  - exists 0. reflexivity.
  - exists (j + n + 1). nia.
Qed.

Theorem three_consecutive_product : forall n : nat, Nat.divide 6 (n * (n + 1) * (n + 2)).
Proof.
  induction n as [|n [k Hk]].
  - exists 0. reflexivity.
  - destruct (consecutive_even (S n)) as [j Hj].
    exists (k + j). nia.
Qed.
