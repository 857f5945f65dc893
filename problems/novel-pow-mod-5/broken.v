Require Import Arith Lia.

Theorem pow_mod_5 : forall n : nat, Nat.divide 5 (2 ^ (4 * n + 1) + 3).
Proof.
  induction n as [|n [k Hk]].
  - exists 1. reflexivity.
  - exists (16 * k - 8).
    replace (4 * S n + 1) with (4 + (4 * n + 1)) by lia.
    rewrite Nat.pow_add_r. simpl (2 ^ 4). nia.
Qed.
