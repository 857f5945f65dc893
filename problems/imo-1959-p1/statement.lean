import Mathlib

/-- IMO 1959 P1: `(21n + 4) / (14n + 3)` is irreducible. -/
theorem imo_1959_p1 (n : ℕ) (h₀ : 0 < n) : Nat.gcd (21 * n + 4) (14 * n + 3) = 1 := by sorry
