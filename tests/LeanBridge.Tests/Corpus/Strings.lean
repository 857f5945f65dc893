-- expect: greeting, letters, count_r, weird name, escapes_ok
import Mathlib

def greeting (name : String) : String := s!"Hello, {name}! {"nested {braces}" ++ "}"}"

def letters : List Char := ['a', '\'', '\\', '\n', '\x41', '\u03B1']

theorem count_r : "strawberry".toList.count 'r' = 3 := by decide

theorem «weird name» : True := trivial

/-- A string with a gap: "\
      continues here" and a raw string r#"no "escapes" here"#. -/
theorem escapes_ok : "a\
      b" = "ab" ∧ r#"x"y"# = "x\"y" := by
  constructor <;> rfl
