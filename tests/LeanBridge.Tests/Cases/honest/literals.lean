-- case: raw strings with many #, a char literal holding a newline, interpolation after `s! ` with a space
-- statement: units_digit
-- expect: accepted
import Mathlib

def banner : String := r####"a "###" quote, the words sorry and axiom, and "#"####
def newline : Char := '
'
def shown (n : ℕ) : String := s! "n = {n}, {"}"}"

theorem units_digit : 2 ^ 2010 % 10 = 4 := by
  norm_num
