-- case: an older Mathlib-port file with #align annotations
-- statement: self
-- expect: accepted
import Mathlib

theorem my_add_comm' (a b : ℕ) : a + b = b + a := Nat.add_comm a b
#align my_add_comm' my_add_comm'

theorem uses_it (a : ℕ) : a + 1 = 1 + a := my_add_comm' a 1
