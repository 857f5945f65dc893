-- case: a hole behind Mathlib's `#` (Finset.card): the identifier after `#` is code and is audited
-- statement: sqrt2
-- expect: audit sorry
import Mathlib

open Finset

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by
  have _h : 0 ≤ #sorry := Nat.zero_le _
  exact irrational_sqrt_two
