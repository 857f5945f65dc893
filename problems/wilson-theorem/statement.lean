import Mathlib

/-- Wilson's theorem: `(p - 1)! ≡ -1 (mod p)` for a prime `p`. -/
theorem wilson (p : ℕ) (hp : p.Prime) : ((p - 1).factorial : ZMod p) = -1 := by sorry
