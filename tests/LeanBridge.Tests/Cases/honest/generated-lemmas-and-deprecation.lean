-- case: Mathlib's lemma generator @[mk_iff] and a @[deprecated] alias, as Mathlib's Archive writes them
-- statement: self
-- expect: accepted
import Mathlib

@[mk_iff small_iff']
inductive Small : ℕ → Prop
  | zero : Small 0
  | one : Small 1

theorem small_le_one {n : ℕ} (h : Small n) : n ≤ 1 := by
  cases h <;> simp

@[deprecated (since := "2025-01-01")] alias small_le := small_le_one

theorem small_one_le_one : 1 ≤ 1 ∧ Small 1 := ⟨le_rfl, (small_iff' 1).2 (Or.inr rfl)⟩
