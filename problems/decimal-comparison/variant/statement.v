Require Import QArith.
Open Scope Q_scope.

Theorem decimal_comparison : {{small}} < {{big}}.
Admitted.
