-- case: a positional configuration switches on native evaluation without the word native
-- statement: units_digit
-- expect: audit runs-code
import Mathlib

theorem units_digit : 2 ^ 2010 % 10 = 4 := by
  decide (config := ⟨false, false, true, false⟩)
