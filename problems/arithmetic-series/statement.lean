import Mathlib

/-- Twice the sum of `3 + 4 * i` for `i = 0, …, n` is `(n + 1) * (2 * 3 + 4 * n)`. -/
theorem arithmetic_series (n : ℕ) :
    2 * ∑ i ∈ Finset.range (n + 1), (3 + 4 * i) = (n + 1) * (2 * 3 + 4 * n) := by sorry
