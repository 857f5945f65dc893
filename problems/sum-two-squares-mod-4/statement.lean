import Mathlib

/-- No integer `4k + 3` is a sum of two squares. -/
theorem sum_two_squares_mod_4 (a b k : ℤ) : a ^ 2 + b ^ 2 ≠ 4 * k + 3 := by sorry
