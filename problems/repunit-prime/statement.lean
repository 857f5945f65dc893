import Mathlib

/-- If the base-10 number written with `n` ones is prime, then `n` is prime. -/
theorem repunit_prime_digits (n : ℕ) (h : (Nat.ofDigits 10 (List.replicate n 1)).Prime) :
    n.Prime := by sorry
