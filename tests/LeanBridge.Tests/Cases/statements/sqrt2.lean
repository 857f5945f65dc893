import Mathlib

/-- The square root of two is irrational. -/
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by sorry
