-- case: a helper instance changes what the statement's tokens mean; only Lean (gate b) can tell
-- statement: sqrt2
-- expect: lean
import Mathlib

noncomputable instance : HPow ℝ ℕ ℝ := ⟨fun _ _ => 0⟩
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two
