Require Import Arith Lia.

(** [{{fn}} {{v}}] is [0 * 0 + 1 * 1 + ... + {{v}} * {{v}}]. *)
Fixpoint {{fn}} ({{v}} : nat) : nat :=
  match {{v}} with
  | O => 0
  | S p => {{fn}} p + S p * S p
  end.

Theorem sum_of_squares : forall {{v}} : nat, 6 * {{fn}} {{v}} = {{v}} * ({{v}} + 1) * (2 * {{v}} + 1).
Proof.
  induction {{v}} as [|{{v}} IH].
  - reflexivity.
  - cbn [{{fn}}]. nia.
Qed.
