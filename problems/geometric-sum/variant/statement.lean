import Mathlib

/-- `({{r}} - 1) * (1 + {{r}} + ⋯ + {{r}} ^ (n - 1)) + 1 = {{r}} ^ n`. -/
theorem geometric_sum (n : ℕ) : ({{r}} - 1) * ∑ i ∈ Finset.range n, {{r}} ^ i + 1 = {{r}} ^ n := by sorry
