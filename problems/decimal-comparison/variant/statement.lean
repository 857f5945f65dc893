import Mathlib

/-- As decimals, {{small}} is less than {{big}}. -/
theorem decimal_comparison : ({{small}} : ℝ) < {{big}} := by sorry
