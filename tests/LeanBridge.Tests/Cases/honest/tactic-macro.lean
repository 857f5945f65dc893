-- case: a tactic abbreviation whose expansion is one syntax quotation, as Mathlib's Archive writes it
-- statement: self
-- expect: accepted
import Mathlib

macro "◾" : tactic => `(tactic| omega)

theorem double_pos (n : ℕ) (h : 0 < n) : 0 < 2 * n := by
  ◾
