-- case: an exported notation whose symbols begin with no letter, `:`, `@`, `#` or `«` (it cannot be read in
-- the check module), as Mathlib's Archive writes them
-- statement: self
-- expect: accepted
import Mathlib

def ModEq' (n a b : ℕ) : Prop := a % n = b % n

notation:50 a " ≡[" n "]≡ " b:50 => ModEq' n a b
infixl:65 " ⊞ " => fun (a b : ℕ) => a + 2 * b

theorem seven_mod_five : 7 ≡[5]≡ 2 ∧ 1 ⊞ 1 = 3 := by
  constructor
  · rfl
  · rfl
