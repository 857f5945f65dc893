import Mathlib

/-- In every base `b ≥ 2`: if the number written with `n` ones is prime, then `n` is prime. -/
theorem repunit_prime_digits_any_base (b : ℕ) (hb : 2 ≤ b) (n : ℕ)
    (h : (Nat.ofDigits b (List.replicate n 1)).Prime) : n.Prime := by sorry
