Require Import ZArith Lia.
Open Scope Z_scope.

(** One step of the Collatz map. *)
Definition collatz (n : Z) : Z := if Z.even n then n / 2 else 3 * n + 1.

Theorem collatz_steps :
  Nat.iter {{steps}} collatz {{start}} = 1 /\ (forall k : nat, (k < {{steps}})%nat -> Nat.iter k collatz {{start}} <> 1).
Proof.
  split.
  - vm_compute. reflexivity.
  - intros k Hk.
    do ({{steps}} - 1) (destruct k as [|k]; [vm_compute; discriminate |]).
    lia.
Qed.
