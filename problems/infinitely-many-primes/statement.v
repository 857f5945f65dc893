Require Import Arith ZArith Znumtheory Lia.
Open Scope Z_scope.

Theorem infinitely_many_primes : forall n : Z, exists p : Z, n <= p /\ prime p.
Admitted.
