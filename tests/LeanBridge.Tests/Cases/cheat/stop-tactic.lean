-- case: the stop tactic discards the rest of the proof
-- statement: sqrt2
-- expect: audit sorry
import Mathlib

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by
  stop
  exact irrational_sqrt_two
