-- case: current Mathlib style: the module system (module, public import, @[expose], public section, meta)
-- statement: self
-- expect: accepted
module

public import Mathlib

@[expose] public section

meta def helperDepth : ℕ := 3

theorem two_add_two : 2 + 2 = 4 := by
  norm_num

end
