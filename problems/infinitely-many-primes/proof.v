Require Import Arith ZArith Znumtheory Lia.
Open Scope Z_scope.

Lemma prime_divisor_exists : forall (k : nat) (m : Z), (Z.abs_nat m <= k)%nat -> 1 < m -> exists p, prime p /\ (p | m).
Proof.
  induction k as [|k IH]; intros m Hk Hm.
  - lia.
  - destruct (prime_dec m) as [Hp | Hp].
    + exists m. split; [exact Hp | apply Z.divide_refl].
    + destruct (not_prime_divide m Hm Hp) as [d [Hd Hdm]].
      destruct (IH d) as [p [Hp' Hpd]]; [lia | lia |].
      exists p. split; [exact Hp' | apply (Z.divide_trans _ d); assumption].
Qed.

Lemma divides_fact : forall (m k : nat), (1 <= k <= m)%nat -> (Z.of_nat k | Z.of_nat (fact m)).
Proof.
  induction m as [|m IH]; intros k Hk.
  - lia.
  - cbn [fact]. rewrite Nat2Z.inj_mul.
    destruct (Nat.eq_dec k (S m)) as [-> | Hne].
    + exists (Z.of_nat (fact m)). ring.
    + destruct (IH k) as [c Hc]; [lia |].
      exists (Z.of_nat (S m) * c). rewrite Hc. ring.
Qed.

Theorem infinitely_many_primes : forall n : Z, exists p : Z, n <= p /\ prime p.
Proof.
  intros n.
  set (N := Z.of_nat (fact (Z.to_nat n)) + 1).
  assert (HN : 1 < N) by (pose proof (lt_O_fact (Z.to_nat n)); unfold N; lia).
  destruct (prime_divisor_exists (Z.abs_nat N) N (le_n _) HN) as [p [Hp Hpd]].
  exists p. split; [| exact Hp].
  destruct (Z.le_gt_cases n p) as [Hle | Hgt]; [exact Hle | exfalso].
  destruct Hp as [Hp1 _].
  assert (Hf : (p | Z.of_nat (fact (Z.to_nat n)))).
  { replace p with (Z.of_nat (Z.to_nat p)) by lia. apply divides_fact. lia. }
  assert (H1 : (p | 1)) by (replace 1 with (N - Z.of_nat (fact (Z.to_nat n))) by (unfold N; ring); apply Z.divide_sub_r; assumption).
  apply Z.divide_pos_le in H1; lia.
Qed.
