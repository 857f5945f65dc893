import Mathlib

/-- The first `n` odd numbers add up to `n ^ 2`. -/
theorem sum_of_odds (n : ℕ) : ∑ i ∈ Finset.range n, (2 * i + 1) = n ^ 2 := by sorry
