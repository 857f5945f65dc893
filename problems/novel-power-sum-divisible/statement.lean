import Mathlib

/-- `13` divides `4 ^ (2n + 1) + 3 ^ (n + 2)` for every `n`. -/
theorem power_sum_divisible (n : ℕ) : 13 ∣ 4 ^ (2 * n + 1) + 3 ^ (n + 2) := by sorry
