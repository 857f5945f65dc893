-- case: after `namespace A.B … end B` Lean is still in A, so the theorem is A.sqrt2_irrational, not the canonical one
-- statement: sqrt2
-- expect: statement
import Mathlib

namespace A.B
theorem helper : True := trivial
end B

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two

end A
