-- case: the statement continues after a line starting with |…|, and what follows was changed (+ 1000)
-- statement: abs_wrapped
-- expect: statement
import Mathlib

theorem abs_bound (a c : ℝ) (h₀ : 0 ≤ a) (h₁ : a ≤ 1) (h₂ : 0 ≤ c) (h₃ : c ≤ 1) :
    |a - c|
      ≤ 1 + 1000 := by
  rw [abs_le]
  constructor <;> linarith
