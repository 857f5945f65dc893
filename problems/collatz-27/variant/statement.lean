import Mathlib

/-- One step of the Collatz map. -/
def collatz (n : ℕ) : ℕ := if n % 2 = 0 then n / 2 else 3 * n + 1

/-- Starting from {{start}}, the Collatz map first reaches 1 after {{steps}} steps. -/
theorem collatz_steps : collatz^[{{steps}}] {{start}} = 1 ∧ ∀ k < {{steps}}, collatz^[k] {{start}} ≠ 1 := by sorry
