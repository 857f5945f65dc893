import Mathlib

/-- As decimals, 9.11 is less than 9.9. -/
theorem decimal_comparison : (9.11 : ℝ) < 9.9 := by sorry
