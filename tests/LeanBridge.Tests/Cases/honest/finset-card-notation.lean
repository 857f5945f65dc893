-- case: Mathlib's `#s` (Finset.card) after `:`, an operator, `calc` and at the start of a continued line
-- statement: self
-- expect: accepted
import Mathlib

open Finset

theorem card_filter_le_card (s : Finset ℕ) (p : ℕ → Prop) [DecidablePred p] :
    #(s.filter p) ≤ #s ∧ 0 ≤ #s := by
  have hle : #(s.filter p) ≤ #s := card_filter_le s p
  refine ⟨?_, Nat.zero_le _⟩
  calc
    #(s.filter p) ≤ #s := hle
    _ ≤ #s + 0 := by
      simp
