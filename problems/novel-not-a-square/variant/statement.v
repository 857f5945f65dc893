Require Import Arith Lia.

Theorem never_a_square : forall n m : nat, m * m <> n * n + {{a}} * n + {{c}}.
Admitted.
