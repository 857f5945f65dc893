-- case: aesop with rules built from lemmas, simp/decide configuration given by field names
-- statement: gauss
-- expect: accepted
import Mathlib

theorem gauss_sum (n : ℕ) : ∑ i ∈ Finset.range (n + 1), i * 2 = n * (n + 1) := by
  induction n with
  | zero => simp (config := { decide := true })
  | succ k ih =>
    rw [Finset.sum_range_succ, ih]
    ring_nf
    aesop (add norm simp mul_comm)
