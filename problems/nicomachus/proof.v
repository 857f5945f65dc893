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

Lemma twice_sum_to : forall n, 2 * sum_to n = n * (n + 1).
Proof. induction n as [|n IH]; cbn [sum_to]; nia. Qed.

Theorem nicomachus : forall n : nat, cube_sum n = sum_to n * sum_to n.
Proof.
  induction n as [|n IH].
  - reflexivity.
  - cbn [cube_sum sum_to]. rewrite IH. pose proof (twice_sum_to n). nia.
Qed.
