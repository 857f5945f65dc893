-- case: a statement re-wrapped so that a line starts with an absolute value |…|
-- statement: abs_wrapped
-- expect: accepted
import Mathlib

theorem abs_bound (a c : ℝ) (h₀ : 0 ≤ a) (h₁ : a ≤ 1) (h₂ : 0 ≤ c) (h₃ : c ≤ 1) :
    |a - c|
      ≤ 1 := by
  rw [abs_le]
  constructor <;> linarith
