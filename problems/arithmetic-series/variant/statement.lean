import Mathlib

/-- Twice the sum of `{{a}} + {{d}} * i` for `i = 0, …, n` is `(n + 1) * (2 * {{a}} + {{d}} * n)`. -/
theorem arithmetic_series (n : ℕ) :
    2 * ∑ i ∈ Finset.range (n + 1), ({{a}} + {{d}} * i) = (n + 1) * (2 * {{a}} + {{d}} * n) := by sorry
