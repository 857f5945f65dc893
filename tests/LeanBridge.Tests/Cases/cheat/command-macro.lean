-- case: a macro of category command (it can expand to any declaration, at any later use)
-- statement: sqrt2
-- expect: audit extends-syntax
import Mathlib

macro "◾" : command => `(theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two)

◾
