-- case: native_decide where the problem allows Lean.ofReduceBool (the axiom report then lists it)
-- statement: units_digit
-- allow-axioms: propext, Classical.choice, Quot.sound, Lean.ofReduceBool
-- expect: accepted
import Mathlib

theorem units_digit : 2 ^ 2010 % 10 = 4 := by
  native_decide
