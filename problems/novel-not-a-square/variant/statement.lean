import Mathlib

/-- `n ^ 2 + {{a}} * n + {{c}}` is not the square of a natural number. -/
theorem never_a_square (n m : ℕ) : m ^ 2 ≠ n ^ 2 + {{a}} * n + {{c}} := by sorry
