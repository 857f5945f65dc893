#!/usr/bin/python3
"""The anchor for SmtBench: the same obligation file decided through z3's in-process API (Debian python3-z3).

Each obligation gets what the checker does: push, hypotheses, check (vacuity), negated claim, check, the model
when sat, pop. Prints the verdict counts on stderr and obligations per second as the last line of stdout.
Usage: /usr/bin/python3 tools/bench/z3_inprocess.py (the system Python, where Debian installs z3) OBLIGATIONS.smt2
"""
import sys
import time

import z3


def obligations(text):
    for chunk in text.split("(reset)"):
        body = chunk.replace("(check-sat)", "")
        if "(assert" in body:
            yield body


def main(path):
    with open(path, encoding="utf-8") as f:
        chunks = list(obligations(f.read()))
    solver = z3.Solver()
    counts = {}
    start = time.perf_counter()
    for chunk in chunks:
        assertions = z3.parse_smt2_string(chunk)
        *hypotheses, negated_claim = list(assertions)
        solver.push()
        solver.add(*hypotheses)
        if solver.check() == z3.unsat:
            verdict = "Rejected"
        else:
            solver.add(negated_claim)
            answer = solver.check()
            if answer == z3.unsat:
                verdict = "Verified"
            elif answer == z3.sat:
                str(solver.model())
                verdict = "Refuted"
            else:
                verdict = "Unknown"
        solver.pop()
        counts[verdict] = counts.get(verdict, 0) + 1
    elapsed = time.perf_counter() - start
    print(counts, file=sys.stderr)
    print(f"{len(chunks) / elapsed:.1f}")


if __name__ == "__main__":
    main(sys.argv[1])
