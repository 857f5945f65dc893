-- case: an exported notation changes what the statement's `+` means (here: multiplication); the check module
-- never reads `+`, so the audit allows the notation and Lean's clean-context comparison (gate b) refuses the proof
-- statement: two_add_three
-- expect: lean
import Mathlib

infixl:65 " + " => HMul.hMul

theorem two_add_three : (2 : ℕ) + 3 = 6 := by
  decide
