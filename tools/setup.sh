#!/usr/bin/env bash
# Installs everything ProofCheck needs on a fresh Debian machine, then restores and builds.
# Idempotent: run it again at any time; it only does what is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

need_apt=()
for pair in z3:z3 cvc5:cvc5 coqc:coq bwrap:bubblewrap python3:python3; do
  cmd=${pair%%:*}; pkg=${pair#*:}
  command -v "$cmd" >/dev/null 2>&1 || need_apt+=("$pkg")
done
# llama.cpp's CPU backend (from the LLamaSharp.Backend.Cpu NuGet package) runs its threads with OpenMP.
ldconfig -p 2>/dev/null | grep -q 'libgomp\.so\.1' || need_apt+=(libgomp1)
# The in-process z3 anchor for the SMT benchmark.
/usr/bin/python3 -c 'import z3' >/dev/null 2>&1 || need_apt+=(python3-z3)
# The report's tests: scipy is the independent oracle for its statistics, Chromium the browser for its HTML.
/usr/bin/python3 -c 'import scipy' >/dev/null 2>&1 || need_apt+=(python3-scipy)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# The PostgreSQL run store and distributed runs: .ci/run starts a throwaway cluster from it (tools/postgres.sh).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)

if [ ${#need_apt[@]} -gt 0 ]; then
  say "Installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net); install it and run this script again." >&2
  exit 1
fi

say "Installing project-local npm tools (antlr-ng) into tools/node_modules"
if [ ! -x tools/node_modules/.bin/antlr-ng ]; then
  npm ci --prefix tools --no-audit --no-fund --loglevel=error
fi

say "Restoring and building"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build ProofCheck.sln -c Release -nologo -v:q -clp:ErrorsOnly
say "Setup complete: z3 $(z3 --version | awk '{print $3}'), cvc5 $(cvc5 --version | head -1 | awk '{print $5}'), coqc $(coqc --print-version | awk '{print $1}')"
