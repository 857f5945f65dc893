    Require Import QArith.
    Open Scope Q_scope.

    Theorem decimal_comparison : 9.9 < 9.11.
    Proof.
  reflexivity.
Qed.
