Require Import Arith Lia.

(** [odd_sum n] is [1 + 3 + ... + (2n - 1)], the sum of the first [n] odd numbers. *)
Fixpoint odd_sum (n : nat) : nat :=
  match n with
  | O => 0
  | S k => odd_sum k + (2 * k + 1)
  end.

Theorem sum_of_odds : forall n : nat, odd_sum n = n * n.
Admitted.
