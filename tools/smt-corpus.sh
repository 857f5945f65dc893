#!/usr/bin/env bash
# Measures the SMT checker on real SMT-LIB files nobody here wrote: cvc5's regression tests (regress0, the files
# with one check-sat and an expected answer) and z3's SMT-LIB2 examples, at the commits the figures in
# src/Smt/README.md were taken from. For every file it asks z3 and cvc5 directly (their own answer is the
# reference), then `proofcheck check smt --json`, and prints: how many files are accepted and checked, how many
# are refused and by which rule, and every verdict that contradicts the solvers' own answer (a Verified for a
# file the solvers call sat would be a false Verified).
#   tools/smt-corpus.sh [WORKDIR] [LIMIT_SECONDS]   (default: a temporary folder, kept and printed; 10 s)
# Needs git and network access to github.com (or CORPUS_GIT_BASE: a folder or URL holding OWNER/NAME.git clones), z3, cvc5 and a built ProofCheck (tools/setup.sh).
# Nothing fetched is written into the repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d -t smt-corpus-XXXXXX)}"
limit="${2:-10}"
mkdir -p "$work"
cd "$work"

source "$root/tools/corpus-fetch.sh"

cvc5=$(fetch cvc5/cvc5 190adc39589bb2b158e7f59ad0ef3281dacbea97 test/regress/cli/regress0)
z3=$(fetch Z3Prover/z3 aaf2464b21facd4cb4eef3b3eec15c36213bd8bd examples/SMT-LIB2)

# The selection: small files that pose one query with a stated answer, in the theories step obligations use
# (arithmetic, uninterpreted functions, arrays, bit-vectors, strings, datatypes); every 4th in path order.
rm -rf files && mkdir files
i=0
while IFS= read -r f; do
  [ "$(stat -c %s "$f")" -le 8000 ] || continue
  [ "$(grep -c '(check-sat)' "$f")" -eq 1 ] || continue
  grep -q 'check-sat-assuming\|(push\|(pop' "$f" && continue
  grep -qE '^; EXPECT: (sat|unsat)$' "$f" || continue
  [ "$(grep -c '^; EXPECT:' "$f")" -eq 1 ] || continue
  grep -qE '\(set-logic (QF_)?(A?UF)?(LIA|LRA|NIA|NRA|IDL|RDL|UF|AX|BV|ABV|UFBV|S|SLIA|DT|UFDT|ALL)\)' "$f" || continue
  i=$((i + 1))
  [ $((i % 4)) -eq 1 ] || continue
  cp "$f" "files/cvc5-$(echo "${f#"$cvc5"/test/regress/cli/regress0/}" | tr / _)"
done < <(find "$cvc5/test/regress/cli/regress0" -name '*.smt2' | LC_ALL=C sort)
find "$z3/examples/SMT-LIB2" -name '*.smt2' -print0 | while IFS= read -r -d '' f; do
  cp "$f" "files/z3-$(basename "$f" | tr ' ' _)"
done

answer() { # the solver's own first answer, or "none"
  local a
  a=$(timeout $((limit + 5)) "$@" 2>/dev/null | grep -m1 -E '^(sat|unsat|unknown)$' || true)
  echo "${a:-none}"
}

rm -rf results && mkdir results
n=$(find files -name '*.smt2' | wc -l)
k=0
for f in files/*.smt2; do
  k=$((k + 1))
  b=$(basename "$f" .smt2)
  printf '\r%d/%d %s\033[K' "$k" "$n" "$b" >&2
  z=$(answer z3 -T:"$limit" "$f")
  c=$(answer cvc5 --tlimit=$((limit * 1000)) "$f")
  set +e
  "$root/proofcheck" check smt "$f" --json --timeout "$limit" > "results/$b.json" 2> "results/$b.err"
  code=$?
  set -e
  printf '%s\t%s\t%s\t%s\n' "$b" "$z" "$c" "$code" >> results/answers.tsv
done
echo >&2

python3 - "$work/results" <<'EOF'
import collections, json, os, sys
folder = sys.argv[1]
rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(folder, "answers.tsv"))]
checked, refused, invalid, wrong, unsure, errors, right = [], collections.Counter(), [], [], [], [], []
for name, z3, cvc5, code in rows:
    reference = {z3, cvc5} - {"unknown", "none"}
    reference = reference.pop() if len(reference) == 1 else ("disagree" if reference else "undecided")
    try:
        report = json.load(open(os.path.join(folder, name + ".json")))
    except (ValueError, OSError):
        invalid.append((name, open(os.path.join(folder, name + ".err")).read().strip().splitlines()[:1]))
        continue
    findings = (report.get("audit") or {}).get("findings") or []
    if findings:
        refused[findings[0]["rule"]] += 1
        continue
    verdicts = [o["verdict"] for o in report["obligations"]]
    verdict = verdicts[-1] if verdicts else report["verdict"]
    checked.append((name, verdict, reference))
    if verdict == "Failed":
        # A solver refused the text (a theory or option only one solver has): no verdict on the claim at all.
        reasons = sorted({d["message"].split(":")[0] + ": " + d["message"].split(":", 1)[-1].strip()[:70]
                          for o in report["obligations"] for d in o["diagnostics"]})
        errors.append((name, reference, "; ".join(reasons)[:220]))
        continue
    vacuous = any("vacuous" in d["message"] for o in report["obligations"] for d in o["diagnostics"])
    agrees = {"unsat": verdict == "Verified" or (verdict == "Rejected" and vacuous),
              "sat": verdict == "Refuted"}.get(reference)
    if agrees is False and verdict not in ("Unknown", "Timeout"):
        wrong.append((name, verdict, reference, z3, cvc5))
    elif agrees is not True:
        unsure.append((name, verdict, reference))
    else:
        right.append(name)

total = len(rows)
print(f"files: {total} (cvc5 regress0: {sum(r[0].startswith('cvc5-') for r in rows)}, z3 examples: {sum(r[0].startswith('z3-') for r in rows)})")
print(f"accepted and checked: {len(checked)}; refused by the audit: {sum(refused.values())}; not valid SMT-LIB (exit 2): {len(invalid)}")
for rule, count in refused.most_common():
    print(f"  refused, {rule}: {count}")
for name, first in invalid:
    print(f"  invalid: {name}: {' '.join(first)[:150]}")
print(f"verdict as the solvers' own answer: {len(right)}")
print(f"verdicts that contradict the solvers' own answer: {len(wrong)}")
for row in wrong:
    print("  CONTRADICTS:", *row)
print(f"Failed, a solver refused the text (no verdict on the claim): {len(errors)}")
for row in errors:
    print("  solver error:", *row)
print(f"Unknown/Timeout, or the solvers themselves undecided or disagreeing: {len(unsure)}")
for row in unsure:
    print("  undecided:", *row)
EOF
echo "work folder: $work"
