-- case: aesop (add … tactic t) makes aesop run a user tactic (code)
-- statement: sqrt2
-- expect: audit runs-code
import Mathlib

open Lean Elab Tactic in
def myTac : TacticM Unit := pure ()
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by
  aesop (add safe tactic myTac)
