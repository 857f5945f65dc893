import Mathlib

/-- Above every natural number there is a prime. -/
theorem infinitely_many_primes (n : ℕ) : ∃ p, n ≤ p ∧ p.Prime := by sorry
