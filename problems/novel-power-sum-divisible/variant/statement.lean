import Mathlib

/-- `{{m}}` divides `{{x}} ^ (2n + 1) + {{y}} ^ (n + 2)` for every `n`. -/
theorem power_sum_divisible (n : ℕ) : {{m}} ∣ {{x}} ^ (2 * n + 1) + {{y}} ^ (n + 2) := by sorry
