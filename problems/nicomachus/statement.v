Require Import Arith Lia.

(** [sum_to n] is [0 + 1 + ... + n]. *)
Fixpoint sum_to (n : nat) : nat :=
  match n with
  | O => 0
  | S k => sum_to k + S k
  end.

(** [cube_sum n] is [0^3 + 1^3 + ... + n^3]. *)
Fixpoint cube_sum (n : nat) : nat :=
  match n with
  | O => 0
  | S k => cube_sum k + S k * S k * S k
  end.

Theorem nicomachus : forall n : nat, cube_sum n = sum_to n * sum_to n.
Admitted.
