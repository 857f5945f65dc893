-- case: `namespace A.B` closed by `end B` then `end A`; the main theorem is at the root again
-- statement: units_digit
-- expect: accepted
import Mathlib

namespace Digits.Helpers

theorem mod_ten (n : ℕ) : n % 10 < 10 := Nat.mod_lt _ (by norm_num)

end Helpers

end Digits

theorem units_digit : 2 ^ 2010 % 10 = 4 := by
  norm_num
