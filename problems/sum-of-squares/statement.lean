import Mathlib

/-- Six times `0 ^ 2 + 1 ^ 2 + ⋯ + n ^ 2` is `n * (n + 1) * (2 * n + 1)`. -/
theorem sum_of_squares (n : ℕ) :
    6 * ∑ i ∈ Finset.range (n + 1), i ^ 2 = n * (n + 1) * (2 * n + 1) := by sorry
