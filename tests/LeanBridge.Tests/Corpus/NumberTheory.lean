-- expect: Nat.two_dvd_mul_succ, sum_odd, Finset.sum_odd', Parity.even_or_odd', Nat.pow_mod_five, tri, three_dvd
import Mathlib

/-!
# A small number-theory file

Written like Mathlib: module docs, namespaces, sections, variables, `open … in`, attributes,
pattern-matching definitions and tactic blocks with nested brackets.
-/

open Finset BigOperators

namespace Nat

variable {n m : ℕ}

/-- The product of two consecutive numbers is even. -/
@[simp]
theorem two_dvd_mul_succ (n : ℕ) : 2 ∣ n * (n + 1) := by
  rcases Nat.even_or_odd n with ⟨k, rfl⟩ | ⟨k, rfl⟩
  · exact ⟨k * (k + k + 1), by ring⟩
  · exact ⟨(2 * k + 1) * (k + 1), by ring⟩

end Nat

/-- `∑_{i<n} (2i+1) = n²`, proved by induction with `Finset.sum_range_succ`. -/
theorem sum_odd (n : ℕ) : ∑ i ∈ range n, (2 * i + 1) = n ^ 2 := by
  induction n with
  | zero => simp
  | succ k ih =>
    rw [sum_range_succ, ih]
    ring

namespace Finset

/- A block comment /- with a nested one -/ and "a string" inside. -/
protected theorem sum_odd' (n : ℕ) : ∑ i ∈ range n, (2 * i + 1) = n ^ 2 := _root_.sum_odd n

end Finset

section Parity
open Nat in
theorem Parity.even_or_odd' (n : ℕ) : Even n ∨ Odd n := Nat.even_or_odd n
end Parity

theorem Nat.pow_mod_five (n : ℕ) : 5 ∣ 2 ^ (4 * n + 1) + 3 := by
  induction n with
  | zero => norm_num
  | succ k ih =>
    have h : 2 ^ (4 * (k + 1) + 1) + 3 = 16 * (2 ^ (4 * k + 1) + 3) - 45 := by
      rw [show 4 * (k + 1) + 1 = 4 * k + 1 + 4 by ring, pow_add]; omega
    omega

def tri : ℕ → ℕ
  | 0 => 0
  | n + 1 => tri n + (n + 1)

theorem three_dvd (n : ℕ) : 3 ∣ n * (n + 1) * (n + 2) := by
  have := Nat.mod_lt n (by norm_num : 3 > 0)
  interval_cases h : n % 3 <;> simp_all [Nat.dvd_iff_mod_eq_zero, Nat.mul_mod, Nat.add_mod]
