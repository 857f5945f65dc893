-- case: a `#` word the audit does not know, where a command can stand: refused as a command, never read as `#x`
-- statement: sqrt2
-- expect: audit runs-code
import Mathlib

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two
#some_library_command sqrt2_irrational
