-- expect: Point, Point.add, Point.add_comm, instAddPoint, Shape, Shape.area, Shape.area_nonneg, Monoid', sq_nonneg'
import Mathlib.Tactic

universe u v

/-- A point in the plane. -/
structure Point where
  x : ℝ
  y : ℝ
  deriving Inhabited

namespace Point

/-- Componentwise addition. -/
def add (p q : Point) : Point := ⟨p.x + q.x, p.y + q.y⟩

theorem add_comm (p q : Point) : p.add q = q.add p := by
  simp only [add, _root_.add_comm]

end Point

instance instAddPoint : Add Point := ⟨Point.add⟩

inductive Shape where
  | circle (r : ℝ)
  | rect (w h : ℝ)

noncomputable def Shape.area : Shape → ℝ
  | .circle r => Real.pi * r ^ 2
  | .rect w h => w * h

theorem Shape.area_nonneg (s : Shape) (h : ∀ w h', s = .rect w h' → 0 ≤ w * h') : 0 ≤ s.area := by
  cases s with
  | circle r => exact mul_nonneg Real.pi_pos.le (sq_nonneg r)
  | rect w h' => exact h w h' rfl

class Monoid' (α : Type u) extends Mul α, One α where
  mul_one' : ∀ a : α, a * 1 = a

theorem sq_nonneg' {α : Type*} [LinearOrderedRing α] (a : α) : 0 ≤ a ^ 2 := by
  positivity

example : (2 : ℕ) + 2 = 4 := rfl
