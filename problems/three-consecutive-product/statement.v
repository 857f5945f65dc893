Require Import Arith Lia.

Theorem three_consecutive_product : forall n : nat, Nat.divide 6 (n * (n + 1) * (n + 2)).
Admitted.
