Require Import Arith Lia.

(** [series n] is [3 + (3 + 4) + ... + (3 + 4 * n)]. *)
Fixpoint series (n : nat) : nat :=
  match n with
  | O => 3
  | S k => series k + (3 + 4 * S k)
  end.

Theorem arithmetic_series : forall n : nat, 2 * series n = (n + 1) * (2 * 3 + 4 * n).
Proof.
  induction n as [|n IH].
  - simpl. lia.
  - cbn [series]. clear IH. nia.
Qed.
