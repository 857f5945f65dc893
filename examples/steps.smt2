; Step 1: if n = 2k + 1 then n^2 = 2(2k^2 + 2k) + 1, so n^2 is odd
(declare-const n Int)
(declare-const k Int)
(assert (= n (+ (* 2 k) 1)))
(assert (not (= (* n n) (+ (* 2 (+ (* 2 k k) (* 2 k))) 1))))
(check-sat)
(reset)
; Step 2 (false as stated): a + b > a for all integers
(declare-const a Int)
(declare-const b Int)
(assert (not (> (+ a b) a)))
(check-sat)
(reset)
; Step 3 (vacuous): the hypotheses contradict each other
(declare-const x Int)
(assert (> x 5))
(assert (< x 3))
(assert (not (= x 4)))
(check-sat)
