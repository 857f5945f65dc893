Require Import Arith Lia.

(** [series n] is [{{a}} + ({{a}} + {{d}}) + ... + ({{a}} + {{d}} * n)]. *)
Fixpoint series (n : nat) : nat :=
  match n with
  | O => {{a}}
  | S k => series k + ({{a}} + {{d}} * S k)
  end.

Theorem arithmetic_series : forall n : nat, 2 * series n = (n + 1) * (2 * {{a}} + {{d}} * n).
Proof.
  induction n as [|n IH].
  - simpl. lia.
  - cbn [series]. nia.
Qed.
