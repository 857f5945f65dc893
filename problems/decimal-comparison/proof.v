    Require Import QArith.
    Open Scope Q_scope.

    Theorem decimal_comparison : 9.11 < 9.9.
    Proof.
  reflexivity.
Qed.
