-- case: debug.skipKernelTC switches off the kernel
-- statement: sqrt2
-- expect: audit set-option
import Mathlib

set_option debug.skipKernelTC true in
theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two
