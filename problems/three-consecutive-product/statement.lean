import Mathlib

/-- Six divides the product of any three consecutive natural numbers. -/
theorem three_consecutive_product (n : ℕ) : 6 ∣ n * (n + 1) * (n + 2) := by sorry
