-- case: `local notation` for a function and for a bracket pair, as Mathlib's Archive writes them
-- statement: self
-- expect: accepted
import Mathlib

local notation "√" => Real.sqrt
local notation "|" x "|" => Finset.card x

theorem sqrt_four_and_card : √4 = 2 ∧ |({0, 1} : Finset ℕ)| = 2 := by
  refine ⟨?_, by decide⟩
  rw [show (4 : ℝ) = 2 ^ 2 by norm_num, Real.sqrt_sq (by norm_num)]
