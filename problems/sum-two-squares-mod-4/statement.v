Require Import ZArith Lia.
Open Scope Z_scope.

Theorem sum_two_squares_mod_4 : forall a b k : Z, a * a + b * b <> 4 * k + 3.
Admitted.
