Require Import ZArith.
Open Scope Z_scope.

Theorem imo_1959_p1 : forall n : Z, 0 < n -> Z.gcd (21 * n + 4) (14 * n + 3) = 1.
Proof.
  intros n _. apply Z.bezout_1_gcd. exists (-2), 3. ring.
Qed.
