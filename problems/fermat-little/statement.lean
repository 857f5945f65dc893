import Mathlib

/-- Fermat's little theorem: `a ^ p ≡ a [ZMOD p]` for a prime `p`. -/
theorem fermat_little (p : ℕ) (hp : p.Prime) (a : ℤ) : a ^ p ≡ a [ZMOD p] := by sorry
