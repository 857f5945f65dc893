-- case: `module` after the header
-- statement: sqrt2
-- expect: audit module-header
import Mathlib

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two
module
