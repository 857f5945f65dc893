Require Import Arith Lia.

(** One induction step: if [m] divides [x*x - y] and [A + B], it divides [x*x*A + y*B]. *)
Lemma step : forall x y m A B,
  Nat.divide m (x * x - y) -> y <= x * x -> Nat.divide m (A + B) -> Nat.divide m (x * x * A + y * B).
Proof.
  intros x y m A B Hd Hy Hs.
  apply (Nat.divide_add_cancel_r _ ((x * x - y) * B)).
  - apply Nat.divide_mul_l. exact Hd.
  - replace ((x * x - y) * B + (x * x * A + y * B)) with (x * x * (A + B)) by nia.
    apply Nat.divide_mul_r. exact Hs.
Qed.

Theorem power_sum_divisible : forall n : nat, Nat.divide 13 (4 ^ (2 * n + 1) + 3 ^ (n + 2)).
Proof.
  induction n as [|n IH].
  - exists ((4 + 3 * 3) / 13). reflexivity.
  - replace (4 ^ (2 * S n + 1)) with (4 * 4 ^ (2 * n + 1))
      by (replace (2 * S n + 1) with (S (S (2 * n + 1))) by lia; simpl; ring).
    replace (3 ^ (S n + 2)) with (3 * 3 ^ (n + 2)) by reflexivity.
    apply step; [exists ((4 * 4 - 3) / 13); reflexivity | simpl; lia | exact IH].
Qed.
