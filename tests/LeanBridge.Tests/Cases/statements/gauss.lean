import Mathlib

theorem gauss_sum (n : ℕ) : ∑ i ∈ Finset.range (n + 1), i * 2 = n * (n + 1) := by sorry
