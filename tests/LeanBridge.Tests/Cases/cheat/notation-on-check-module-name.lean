-- case: an exported notation whose symbol is a name the check module reads (it would make that name mean True)
-- statement: sqrt2
-- expect: audit extends-syntax
import Mathlib

notation "Canonical.canonicalStatement" => True

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := irrational_sqrt_two
