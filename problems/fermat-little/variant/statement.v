Require Import ZArith Znumtheory.
Open Scope Z_scope.

Theorem fermat_little : forall {{p}} {{a}} : Z, prime {{p}} -> {{a}} ^ {{p}} mod {{p}} = {{a}} mod {{p}}.
Admitted.
