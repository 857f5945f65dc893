-- case: a notation symbol ending in a quote would make Lean read code where a lexer without it sees a string
-- statement: sqrt2
-- expect: audit extends-syntax
import Mathlib

local notation "q\"" => 0

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two
