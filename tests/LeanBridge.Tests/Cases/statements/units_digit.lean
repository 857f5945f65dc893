import Mathlib

theorem units_digit : 2 ^ 2010 % 10 = 4 := by sorry
