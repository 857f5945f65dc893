Require Import Arith Lia.

Theorem power_sum_divisible : forall n : nat, Nat.divide {{m}} ({{x}} ^ (2 * n + 1) + {{y}} ^ (n + 2)).
Admitted.
