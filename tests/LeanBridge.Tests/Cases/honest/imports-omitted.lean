-- case: the submission omits the imports (the canonical ones are prepended)
-- statement: units_digit
-- expect: accepted
theorem units_digit : 2 ^ 2010 % 10 = 4 := by
  norm_num
