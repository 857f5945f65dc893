Require Import Arith Lia.

(** [sum_sq n] is [0 * 0 + 1 * 1 + ... + n * n]. *)
Fixpoint sum_sq (n : nat) : nat :=
  match n with
  | O => 0
  | S p => sum_sq p + S p * S p
  end.

Theorem sum_of_squares : forall n : nat, 6 * sum_sq n = n * (n + 1) * (2 * n + 1).
Proof.
  induction n as [|n IH].
  - reflexivity.
  - cbn [sum_sq]. nia.
Qed.
