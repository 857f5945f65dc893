Require Import Arith Lia.

Theorem never_a_square : forall n m : nat, m * m <> n * n + 3 * n + 2.
Proof.
  intros n m H.
  destruct (Nat.le_gt_cases m (n + 1)) as [Hm | Hm].
  - assert (m * m <= (n + 1) * (n + 1)) by (apply Nat.mul_le_mono; exact Hm). nia.
  - assert ((n + 1 + 2) * (n + 1 + 2) <= m * m) by (apply Nat.mul_le_mono; lia). nia.
Qed.
