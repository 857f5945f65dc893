import Mathlib

/-- `0³ + 1³ + ⋯ + n³ = (0 + 1 + ⋯ + n)²`. -/
theorem nicomachus (n : ℕ) :
    ∑ i ∈ Finset.range (n + 1), i ^ 3 = (∑ i ∈ Finset.range (n + 1), i) ^ 2 := by sorry
