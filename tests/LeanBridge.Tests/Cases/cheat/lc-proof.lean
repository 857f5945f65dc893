-- case: lcProof, the compiler's axiom that proves anything
-- statement: sqrt2
-- expect: audit sorry
import Mathlib

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := lcProof
