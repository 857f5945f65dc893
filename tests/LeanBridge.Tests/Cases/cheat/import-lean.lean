-- case: an import outside the problem's allowlist (Lean's metaprogramming library)
-- statement: sqrt2
-- expect: audit import
import Mathlib
import Lean.Elab.Command

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two
