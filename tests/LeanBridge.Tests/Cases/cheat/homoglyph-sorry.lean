-- case: a Cyrillic ѕ makes "ѕorry" look like sorry
-- statement: sqrt2
-- expect: audit homoglyph
import Mathlib

theorem sqrt2_irrational : Irrational (Real.sqrt 2) := by
  exact ѕorry
