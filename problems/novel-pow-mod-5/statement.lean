import Mathlib

/-- `5` divides `2 ^ (4n + 1) + 3` for every `n`. -/
theorem pow_mod_5 (n : ℕ) : 5 ∣ 2 ^ (4 * n + 1) + 3 := by sorry
