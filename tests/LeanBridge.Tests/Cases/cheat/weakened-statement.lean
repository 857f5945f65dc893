-- case: a weaker statement under the canonical name
-- statement: sqrt2
-- expect: statement
import Mathlib

theorem sqrt2_irrational : Irrational (Real.sqrt 2) ∨ True := Or.inr trivial
