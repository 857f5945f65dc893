Require Import Arith Lia.

Theorem never_a_square : forall n m : nat, m * m <> n * n + {{a}} * n + {{c}}.
Proof.
  intros n m H.
  destruct (Nat.le_gt_cases m (n + {{k}})) as [Hm | Hm].
  - assert (m * m <= (n + {{k}}) * (n + {{k}})) by (apply Nat.mul_le_mono; exact Hm). nia.
  - assert ((n + {{k}} + 2) * (n + {{k}} + 2) <= m * m) by (apply Nat.mul_le_mono; lia). nia.
Qed.
