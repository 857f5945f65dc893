    Require Import QArith.
    Open Scope Q_scope.

    Theorem decimal_comparison : {{big}} < {{small}}.
    Proof.
  reflexivity.
Qed.
