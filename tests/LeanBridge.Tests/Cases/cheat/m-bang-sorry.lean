-- case: m!"…" holes are code
-- statement: sqrt2
-- expect: audit sorry
import Mathlib

def msg : Lean.MessageData := m!"{(sorryAx Nat true)}"
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two
