#!/usr/bin/env bash
# Distributed checking on this machine: one check-heavy run (a scripted model, Coq and SMT targets) made four ways,
#   1. in one process on SQLite (the anchor: no queue, no network),
#   2. on PostgreSQL with one worker process (--workers 4),
#   3. on PostgreSQL with two worker processes (--workers 2 each),
#   4. as 2, one sample at a time, so no check ever waits for a free slot and a job's latency is the dispatch alone,
# with up to 4 checks running at once (the one-process run: 2 samples at once, each checking coq and smt at once),
# and prints a README-ready Markdown table: wall time, checks, checks/s, the time inside the checkers, and per job
# (from Hangfire's own state rows) the latency from enqueue to a worker starting it and what the job costs beyond its
# check (reading its inputs from the store, writing the result); then the distribution overhead per check
# ((wall of 1 worker − wall of one process) / checks). The load average is printed before and after: on a shared
# machine the walls are only comparable when it stayed low.
# Usage: bash tools/bench/DistributedBench/run.sh          (starts and stops a throwaway PostgreSQL itself)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$root"
pc=("$root/proofcheck")
problems=(decimal-comparison 'decimal-comparison/*' strawberry-r-count 'strawberry-r-count/*')
common=(--model replay:examples/memorization/replay.jsonl --samples 1 --rounds 1 --targets coq,smt "${problems[@]}")
work=$(mktemp -d /tmp/proofcheck-distbench.XXXXXX)
pg_env=$(bash tools/postgres.sh start)  # fails the bench (set -e) when the server cannot start
eval "$pg_env"
workers=()
cleanup() {
  for p in "${workers[@]}"; do kill "$p" 2>/dev/null || true; done
  bash tools/postgres.sh stop "$PROOFCHECK_TEST_POSTGRES_DIR"
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 130" INT TERM
admin=$PROOFCHECK_TEST_POSTGRES
now() { date +%s%N; }

# Prints "checks checker_ms" for the one run in store $1.
figures() {
  local id
  id=$("${pc[@]}" show --store "$1" | grep -o '[0-9]\{8\}-[0-9]\{6\}-[0-9a-f]\{4\}' | head -1)
  "${pc[@]}" export "$id" --jsonl --store "$1" | python3 -c '
import json, sys
checks = [json.loads(l) for l in sys.stdin if l.startswith("{\"type\":\"check\"")]
print(len(checks), sum(c["ms"] for c in checks))'
}

declare -A wall checks checkms latency jobms
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
measure() { # name store [worker-args...]; the run's exit code 1 (something not verified) is a result, not a failure
  local name=$1 store=$2; shift 2
  local start end
  start=$(now)
  if [ "$name" = sqlite ]; then
    "${pc[@]}" run "${common[@]}" --workers 2 --store "$store" >"$work/$name.log" 2>&1 || [ $? -eq 1 ]
  else
    # pg1 and pg2 keep the queue full (4 samples, up to 8 checks queued for 4 slots); idle never queues a check
    # (1 sample, at most 2 checks for 4 slots), so its job latency is the dispatch alone.
    local samples_at_once=4
    [ "$name" = idle ] && samples_at_once=1
    "${pc[@]}" run "${common[@]}" --workers "$samples_at_once" --distributed --store "$store" >"$work/$name.log" 2>&1 || [ $? -eq 1 ]
  fi
  end=$(now)
  wall[$name]=$(( (end - start) / 1000000 ))
  read -r checks[$name] checkms[$name] < <(figures "$store")
  latency[$name]=-; jobms[$name]=-
  if [ "$name" != sqlite ]; then
    # Hangfire records, per succeeded job, its latency (created to started) and how long it performed.
    read -r latency[$name] jobms[$name] < <(psql "$store" -Atc "
      SELECT round(avg((data::json->>'Latency')::numeric)), round(avg((data::json->>'PerformanceDuration')::numeric))
      FROM proofcheck_jobs.state WHERE name = 'Succeeded'" | tr '|' ' ')
  fi
}

measure sqlite "$work/runs.db"

for name in pg1 pg2 idle; do
  db=bench_$name
  psql "$admin" -qc "CREATE DATABASE $db"
  store=${admin%/postgres}/$db
  n=1
  [ "$name" = pg2 ] && n=2
  per=$(( 4 / n ))
  for ((i = 0; i < n; i++)); do
    "${pc[@]}" worker --store "$store" --targets smt,coq --workers "$per" >"$work/worker-$n-$i.log" 2>&1 &
    workers+=($!)
  done
  measure "$name" "$store"
  for p in "${workers[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  workers=()
done

echo "DistributedBench: $(nproc) cores, load average $load_before before and $(cut -d' ' -f1-3 /proc/loadavg) after, problems: ${problems[*]}"
echo
echo "| setup | wall s | checks | checks/s | time in checkers s | job latency ms | job beyond its check ms |"
echo "|---|---|---|---|---|---|---|"
for name in sqlite pg1 pg2 idle; do
  case $name in
    sqlite) label="SQLite, one process (\`--workers 2\`)";;
    pg1) label="PostgreSQL, 1 worker process (\`--workers 4\`)";;
    pg2) label="PostgreSQL, 2 worker processes (\`--workers 2\` each)";;
    idle) label="PostgreSQL, 1 worker process (\`--workers 4\`), coordinator \`--workers 1\` (no check waits for a slot)";;
  esac
  awk -v l="$label" -v w="${wall[$name]}" -v c="${checks[$name]}" -v m="${checkms[$name]}" -v lat="${latency[$name]}" -v job="${jobms[$name]}" \
    'BEGIN { beyond = (job == "-") ? "-" : sprintf("%.0f", job - m / c);
             printf "| %s | %.1f | %d | %.2f | %.1f | %s | %s |\n", l, w / 1000, c, c / (w / 1000), m / 1000, lat, beyond }'
done
awk -v a="${wall[sqlite]}" -v b="${wall[pg1]}" -v c="${checks[pg1]}" \
  'BEGIN { printf "\nDistribution overhead (1 worker process vs one process, up to 4 checks in flight in both): %.0f ms per check\n", (b - a) / c }'
echo "A job's dispatch (row 4): its latency (enqueue to a worker starting it) + its cost beyond the check + the coordinator's result poll (every 100 ms: 50 ms on average)."
