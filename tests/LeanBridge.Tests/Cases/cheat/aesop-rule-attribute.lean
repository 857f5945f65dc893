-- case: @[aesop … tactic] registers a user tactic as an aesop rule
-- statement: sqrt2
-- expect: audit attribute
import Mathlib

open Lean Elab Tactic in
@[aesop safe tactic]
def myTac : TacticM Unit := pure ()
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by
  aesop
