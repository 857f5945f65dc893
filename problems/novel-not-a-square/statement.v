Require Import Arith Lia.

Theorem never_a_square : forall n m : nat, m * m <> n * n + 3 * n + 2.
Admitted.
