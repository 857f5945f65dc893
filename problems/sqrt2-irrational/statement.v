Require Import ZArith Lia.
Open Scope Z_scope.

Theorem sqrt2_irrational : forall p q : Z, q <> 0 -> p * p <> 2 * (q * q).
Admitted.
