import Mathlib

/-- Six times `0 ^ 2 + 1 ^ 2 + ⋯ + {{v}} ^ 2` is `{{v}} * ({{v}} + 1) * (2 * {{v}} + 1)`. -/
theorem sum_of_squares ({{v}} : ℕ) :
    6 * ∑ i ∈ Finset.range ({{v}} + 1), i ^ 2 = {{v}} * ({{v}} + 1) * (2 * {{v}} + 1) := by sorry
