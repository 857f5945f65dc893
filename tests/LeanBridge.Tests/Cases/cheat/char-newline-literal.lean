-- case: a char literal holding a newline; the code after it must still be audited
-- statement: sqrt2
-- expect: audit axiom
import Mathlib

def c : Char := '
'
axiom cheat : Irrational (Real.sqrt 2)
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := cheat
