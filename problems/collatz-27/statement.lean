import Mathlib

/-- One step of the Collatz map. -/
def collatz (n : ℕ) : ℕ := if n % 2 = 0 then n / 2 else 3 * n + 1

/-- Starting from 27, the Collatz map first reaches 1 after 111 steps. -/
theorem collatz_steps : collatz^[111] 27 = 1 ∧ ∀ k < 111, collatz^[k] 27 ≠ 1 := by sorry
