import Mathlib

/-- If the base-{{b}} number written with `n` ones is prime, then `n` is prime. -/
theorem repunit_prime_digits (n : ℕ) (h : (Nat.ofDigits {{b}} (List.replicate n 1)).Prime) :
    n.Prime := by sorry
