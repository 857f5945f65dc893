-- case: a raw string with four # ends only at "####; a lexer that stops at three (or reads \" as an escape) hides the sorry after it
-- statement: sqrt2
-- expect: audit sorry
import Mathlib

def s : String := r####"\"####
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by
  sorry
def t : String := "x"
