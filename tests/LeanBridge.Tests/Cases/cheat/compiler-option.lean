-- case: compiler options change what compiled (natively evaluated) code does
-- statement: sqrt2
-- expect: audit set-option
import Mathlib

set_option compiler.extract_closed false
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two
