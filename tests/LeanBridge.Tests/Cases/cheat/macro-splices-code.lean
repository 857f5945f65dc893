-- case: a macro whose quotation splices in code `$(…)` (here building a hole no token spells)
-- statement: sqrt2
-- expect: audit extends-syntax
import Mathlib

macro "◾" : tactic => `(tactic| exact $(Lean.mkIdent (Lean.Name.mkSimple ("sorry" ++ "Ax"))) _ false)

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by
  ◾
