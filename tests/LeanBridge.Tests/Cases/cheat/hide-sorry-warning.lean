-- case: warn.sorry false hides the sorry warning
-- statement: sqrt2
-- expect: audit set-option
import Mathlib

set_option warn.sorry false
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by sorry
