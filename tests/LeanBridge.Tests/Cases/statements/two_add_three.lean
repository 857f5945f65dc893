import Mathlib

/-- A false statement: only a proof that changes what `+` means could "prove" it. -/
theorem two_add_three : (2 : ℕ) + 3 = 6 := by sorry
