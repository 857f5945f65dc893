-- case: native_decide where the problem does not allow Lean.ofReduceBool
-- statement: units_digit
-- expect: audit native-code
import Mathlib

theorem units_digit : 2 ^ 2010 % 10 = 4 := by
  native_decide
