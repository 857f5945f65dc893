-- case: `s! "…"` with a space still interpolates; the hole holds a sorry
-- statement: sqrt2
-- expect: audit sorry
import Mathlib

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by
  have _h := s! "{(sorry : Irrational (Real.sqrt 2))}"
  exact irrational_sqrt_two
