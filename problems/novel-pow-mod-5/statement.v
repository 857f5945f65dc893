Require Import Arith Lia.

Theorem pow_mod_5 : forall n : nat, Nat.divide 5 (2 ^ (4 * n + 1) + 3).
Admitted.
