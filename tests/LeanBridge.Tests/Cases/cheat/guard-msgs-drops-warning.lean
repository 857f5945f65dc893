-- case: #guard_msgs can drop the "declaration uses sorry" warning
-- statement: sqrt2
-- expect: audit sorry
import Mathlib

#guard_msgs (drop warning) in
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by sorry
