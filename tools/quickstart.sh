#!/usr/bin/env bash
# The README's first command: installs everything (tools/setup.sh), then runs a real job that needs no model:
# the problem set validated through the real checkers, and the example proofs in examples/ checked.
# Exits non-zero if any verdict differs from what examples/README.md promises.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash tools/setup.sh || exit $?

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
failures=0
# expect CODE [VERDICTS] COMMAND...: runs a proofcheck command and compares its exit code (0 Verified, 1 not
# verified, 3 checker unavailable) with the one the example promises; for a check, VERDICTS ("Top: each obligation's
# verdict in order") is compared with the command's --json document as well.
expect() {
  local want=$1; shift
  local verdicts=""
  case "${1:-}" in *:*) verdicts=$1; shift ;; esac
  say "proofcheck $*"
  ./proofcheck "$@"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "!! expected exit code $want, got $got" >&2
    failures=$((failures + 1))
  fi
  if [ -n "$verdicts" ]; then
    local seen
    seen=$(./proofcheck "$@" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["verdict"] + ": " + " ".join(o["verdict"] for o in d["obligations"]))')
    if [ "$seen" != "$verdicts" ]; then
      echo "!! expected verdicts '$verdicts', got '$seen'" >&2
      failures=$((failures + 1))
    fi
  fi
}

say "proofcheck doctor"
./proofcheck doctor

expect 0 problems validate
expect 0 "Verified: Verified" check coq examples/gauss-sum.coq.md --problem gauss-sum
expect 1 "Rejected: Rejected" check coq examples/gauss-sum.cheat.coq.md --problem gauss-sum
expect 1 "Rejected: Verified Refuted Rejected" check smt examples/steps.smt2 --solver both
expect 1 "Refuted: Refuted" check smt examples/nonlinear-mod.smt2
# Lean: the audit runs everywhere; the proof itself is checked only where Lean + Mathlib are installed.
if command -v lean >/dev/null 2>&1 && [ -n "${PROOFCHECK_LEAN_PROJECT:-}" ]; then
  expect 0 "Verified: Verified" check lean examples/gauss-sum.lean.md --problem gauss-sum
else
  expect 3 "CheckerUnavailable: CheckerUnavailable" check lean examples/gauss-sum.lean.md --problem gauss-sum
fi
expect 1 "Rejected: Rejected" check lean examples/gauss-sum.cheat.lean.md --problem gauss-sum

echo
if [ "$failures" -eq 0 ]; then
  echo "quickstart: every verdict is as expected. Next: point 'proofcheck run' at a model (see README.md)."
else
  echo "quickstart: $failures verdict(s) differ from what examples/README.md promises." >&2
  exit 1
fi
