-- case: the holes of throwError "…" are elaborated code
-- statement: sqrt2
-- expect: audit sorry
import Mathlib

open Lean Elab Tactic in
def t : TacticM Unit := throwError "{(sorry : Nat)}"
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two
