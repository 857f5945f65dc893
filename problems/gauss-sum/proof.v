Require Import Arith Lia.

(** [sum_to n] is [0 + 1 + ... + n]. *)
Fixpoint sum_to (n : nat) : nat :=
  match n with
  | O => 0
  | S k => sum_to k + S k
  end.

Theorem gauss_sum : forall n : nat, 2 * sum_to n = n * (n + 1).
Proof.
  induction n as [|n IH].
  - reflexivity.
  - cbn [sum_to]. nia.
Qed.
