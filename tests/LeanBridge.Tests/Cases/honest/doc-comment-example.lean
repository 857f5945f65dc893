-- case: a doc comment shows a ```lean example; the example is not the proof
-- statement: self
-- expect: accepted
import Mathlib

/-- Doubling is adding a number to itself. For example:
```lean
example : 2 * 3 = 3 + 3 := by ring
```
-/
theorem double_eq (n : ℕ) : 2 * n = n + n := by
  ring
