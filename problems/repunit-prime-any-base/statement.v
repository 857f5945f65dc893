Require Import ZArith Znumtheory Lia.
Open Scope Z_scope.

(** [repunit b n] is the number written with [n] ones in base [b]: [1 + b + ... + b^(n-1)]. *)
Fixpoint repunit (b : Z) (n : nat) : Z :=
  match n with
  | O => 0
  | S k => repunit b k * b + 1
  end.

Theorem repunit_prime_digits_any_base : forall b, 2 <= b ->
  forall n : nat, prime (repunit b n) -> prime (Z.of_nat n).
Admitted.
