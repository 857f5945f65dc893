Require Import Arith Lia.

(** [geo n] is [1 + {{r}} + ... + {{r}} ^ (n - 1)] (and [geo 0 = 0]). *)
Fixpoint geo (n : nat) : nat :=
  match n with
  | O => 0
  | S k => geo k + {{r}} ^ k
  end.

Theorem geometric_sum : forall n : nat, ({{r}} - 1) * geo n + 1 = {{r}} ^ n.
Proof.
  induction n as [|n IH].
  - reflexivity.
  - cbn [geo]. rewrite Nat.pow_succ_r'. clear IH. nia.
Qed.
