-- case: the header published prover output uses (unlimited heartbeats, Aesop import) and other harmless options
-- statement: self
-- expect: accepted
import Mathlib
import Aesop

set_option maxHeartbeats 0
set_option maxRecDepth 100000
set_option linter.unusedVariables false
set_option pp.proofs true
set_option trace.Meta.Tactic.simp.rewrite false
set_option exponentiation.threshold 1024

open BigOperators Real Nat Topology Rat

theorem big_power : (2 : ℕ) ^ 20 = 1048576 := by
  set_option maxHeartbeats 400000 in
  norm_num
