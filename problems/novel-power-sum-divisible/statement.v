Require Import Arith Lia.

Theorem power_sum_divisible : forall n : nat, Nat.divide 13 (4 ^ (2 * n + 1) + 3 ^ (n + 2)).
Admitted.
