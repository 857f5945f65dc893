-- case: the main theorem declared as _root_.name inside a namespace of helpers
-- statement: gauss
-- expect: accepted
import Mathlib

namespace Helpers

theorem step (n : ℕ) : (n + 1) * (n + 2) = n * (n + 1) + 2 * (n + 1) := by ring

theorem _root_.gauss_sum (n : ℕ) : ∑ i ∈ Finset.range (n + 1), i * 2 = n * (n + 1) := by
  induction n with
  | zero => simp
  | succ k ih =>
    rw [Finset.sum_range_succ, ih]
    ring

end Helpers
