import Mathlib

theorem abs_bound (a c : ℝ) (h₀ : 0 ≤ a) (h₁ : a ≤ 1) (h₂ : 0 ≤ c) (h₃ : c ≤ 1) :
    |a - c|
      ≤ 1 := by sorry
