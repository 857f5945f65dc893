import Mathlib

/-- Twice the sum `0 + 1 + ⋯ + n` is `n * (n + 1)`. -/
theorem gauss_sum (n : ℕ) : 2 * ∑ i ∈ Finset.range (n + 1), i = n * (n + 1) := by sorry
