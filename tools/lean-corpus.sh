#!/usr/bin/env bash
# Measures the Lean bridge on public material: published prover output (Kimina-Prover's miniF2F solutions; the
# miniF2F proofs of Goedel-Prover-SFT, DeepSeek-Prover-V2-7B and Kimina-Prover-Preview-Distill-7B that a published
# study's Lean run accepted), Mathlib's Archive, and the test files of public cheat collections (SafeVerify,
# lean4checker, comparator). Fetches each at the commit the
# figures in src/LeanBridge/README.md were taken from, arranges the files as tools/LeanCorpus expects (a folder per
# challenge with Target.lean as the statement), and prints the figures.
#   tools/lean-corpus.sh [WORKDIR]        (default: a temporary folder, kept and printed at the end)
# Needs git, unzip and network access to github.com. Nothing fetched is written into the repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d -t lean-corpus-XXXXXX)}"
mkdir -p "$work"
cd "$work"

fetch() { # fetch OWNER/NAME COMMIT [FOLDER]: a shallow checkout of one commit (of one folder only, if named)
  local dir="src/${1//\//+}"
  if [ ! -d "$dir/.git" ]; then
    git init -q "$dir"
    if [ -n "${3:-}" ]; then
      git -C "$dir" sparse-checkout set "$3"
      git -C "$dir" fetch -q --depth 1 --filter=blob:none "https://github.com/$1.git" "$2"
    else
      git -C "$dir" fetch -q --depth 1 "https://github.com/$1.git" "$2"
    fi
    git -C "$dir" checkout -q FETCH_HEAD
  fi
  echo "$dir"
}

kimina=$(fetch MoonshotAI/Kimina-Prover-Preview 7abd61a5d9861bf5c15b195c216c1bb233ac32e4)
safeverify=$(fetch GasStationManager/SafeVerify b291b588a53999a7e837dda61c7dbfe8c550c814)
checker=$(fetch leanprover/lean4checker 91a7f0e8e9dffe927089f5a6edcfeeb8a0e07709)
comparator=$(fetch leanprover/comparator 19e111e2141cf333c7daff0f64c5f24acc91dd2e)
goedel=$(fetch Goedel-LM/Goedel-Prover d80349d93a80305765492014f0b395cec46e5023)           # miniF2F statements
study=$(fetch script-jpg/non-overlapping-failures b163c44cc7502d906343b9db2abde8935c2864d9) # accepted proofs
mathlib=$(fetch leanprover-community/mathlib4 4f54a550f93afebf0f903297f5ab0babd842c3c5 Archive)

rm -rf honest cheat && mkdir -p honest/kimina honest/safeverify honest/comparator cheat/safeverify cheat/lean4checker cheat/comparator
cp -r "$work/$mathlib/Archive" honest/archive
(cd honest/kimina && for z in "$work/$kimina"/*.zip; do unzip -q -o "$z"; done)
for d in "$work/$safeverify"/SafeVerifyTest/*/; do
  for f in "$d"*.lean; do
    b=$(basename "$f" .lean); [ "$b" = Target ] && continue
    case "$b" in Good|Solution) kind=honest ;; *) kind=cheat ;; esac   # "Maybe" cases count as cheats
    mkdir -p "$kind/safeverify/$(basename "$d")-$b"
    cp "$d/Target.lean" "$f" "$kind/safeverify/$(basename "$d")-$b/"
  done
done
# lean4checker: the environment-hacking tests (the others test replay itself and are not submissions)
for t in AddFalse AddFalseConstructor OpenPrivate ReplaceAxiom; do cp "$work/$checker/Lean4CheckerTests/$t.lean" cheat/lean4checker/; done
for d in "$work/$comparator"/tests/projects/*/; do
  [ -f "$d/Challenge.lean" ] || continue
  grep -q '"exit_code": *0' "$d/test.json" && kind=honest || kind=cheat
  mkdir -p "$kind/comparator/$(basename "$d")"
  cp "$d/Challenge.lean" "$kind/comparator/$(basename "$d")/Target.lean"
  cp "$d/Solution.lean" "$kind/comparator/$(basename "$d")/"
done

cd "$root"
dotnet build tools/LeanCorpus -c Release --nologo -v q >/dev/null
leancorpus() { dotnet tools/LeanCorpus/bin/Release/net10.0/LeanCorpus.dll "$@"; }
# The study (its notebook ipynb/eval_pipeline_with_trials.ipynb) checked header + statement + proof body with
# lake env lean and kept a proof when Lean printed no error; its problems are miniF2F's test split in order.
for prover in Goedel-LM_Goedel-Prover-SFT deepseek-ai_DeepSeek-Prover-V2-7B AI-MO_Kimina-Prover-Preview-Distill-7B; do
  leancorpus arrange-minif2f "$work/$goedel/datasets/minif2f.jsonl" "$work/$study/data/corrected_proofs" "$prover" "$work/honest/$prover" >/dev/null
done
corpus() { echo; echo "== $1 ($2)"; leancorpus "$work/$1" --expect "$2" "${@:3}"; }
corpus honest/kimina honest
corpus honest/Goedel-LM_Goedel-Prover-SFT honest
corpus honest/deepseek-ai_DeepSeek-Prover-V2-7B honest
corpus honest/AI-MO_Kimina-Prover-Preview-Distill-7B honest
corpus honest/AI-MO_Kimina-Prover-Preview-Distill-7B honest --allow-native
corpus honest/archive honest
corpus honest/safeverify honest
corpus honest/comparator honest
corpus cheat/safeverify cheat
corpus cheat/lean4checker cheat
corpus cheat/comparator cheat
echo; echo "material kept in $work"
