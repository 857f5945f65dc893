Require Import String Ascii.
Open Scope string_scope.

(** [count c s] is the number of occurrences of the character [c] in the string [s]. *)
Fixpoint count (c : ascii) (s : string) : nat :=
  match s with
  | EmptyString => 0
  | String x rest => (if Ascii.eqb x c then 1 else 0) + count c rest
  end.

Theorem letter_count : count "r"%char "strawberry" = 3.
Admitted.
