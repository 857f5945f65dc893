import Mathlib

/-- The letter `r` occurs 3 times in "strawberry". -/
theorem letter_count : "strawberry".toList.count 'r' = 3 := by sorry
