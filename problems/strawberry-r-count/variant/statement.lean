import Mathlib

/-- The letter `{{letter}}` occurs {{count}} times in "{{word}}". -/
theorem letter_count : "{{word}}".toList.count '{{letter}}' = {{count}} := by sorry
