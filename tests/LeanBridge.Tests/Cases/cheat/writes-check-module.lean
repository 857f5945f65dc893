-- case: code run while the candidate compiles overwrites the later-stage check module
-- statement: sqrt2
-- expect: audit runs-code
import Mathlib

run_cmd do
  IO.FS.writeFile "Check.lean" "theorem Candidate.main : True := trivial\n#print axioms Candidate.main\n"
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by sorry
