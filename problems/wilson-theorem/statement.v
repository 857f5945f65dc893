Require Import Arith ZArith Znumtheory.
Open Scope Z_scope.

Theorem wilson : forall p : nat, prime (Z.of_nat p) -> (Z.of_nat (fact (p - 1)) + 1) mod Z.of_nat p = 0.
Admitted.
