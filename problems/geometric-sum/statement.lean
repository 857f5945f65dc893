import Mathlib

/-- `(2 - 1) * (1 + 2 + ⋯ + 2 ^ (n - 1)) + 1 = 2 ^ n`. -/
theorem geometric_sum (n : ℕ) : (2 - 1) * ∑ i ∈ Finset.range n, 2 ^ i + 1 = 2 ^ n := by sorry
