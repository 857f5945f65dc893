-- case: `stop` as a binder and a variable, not the tactic
-- statement: self
-- expect: accepted
import Mathlib

theorem range_len (start stop : ℕ) (h : start ≤ stop) :
    (List.range' start (stop - start)).length = stop - start := by
  have key : ∀ stop : ℕ, stop = stop := fun stop => rfl
  simp
