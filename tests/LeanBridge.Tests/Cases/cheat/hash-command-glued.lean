-- case: a command glued to its argument (Lean reads `#eval` then `IO.println` by longest match)
-- statement: sqrt2
-- expect: audit runs-code
import Mathlib

#evalIO.println "runs while the file is checked"

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two
