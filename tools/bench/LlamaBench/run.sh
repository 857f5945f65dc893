#!/usr/bin/env bash
# Measures the embedded backend: LLamaSharp against the hand-written llama.cpp binding it replaced (speed, same run),
# and generation while two checkers keep the cores busy. The old binding is not in the tree any more: it is taken
# from git at the last commit that had it and built into .cache, with the llama.cpp libraries it loaded
# (@node-llama-cpp/linux-x64 3.22.1 from npm, fetched once into .cache).
# Usage: tools/bench/LlamaBench/run.sh [PAIRS] [MAX_TOKENS] [SHARING_RUNS]
#   OLD_BINDING=0 skips the old binding (sharing measurement only).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
model="${PROOFCHECK_BENCH_MODEL:-${PROOFCHECK_SHARED:-$root/../shared}/models/llama-2-tiny-random.gguf}"
old_commit=bb6eaf94b211535c387f4e1951c4565f9dfa5191
cache="$here/.cache"
mkdir -p "$cache"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
build() { dotnet build "$@" -c Release -nologo -v:q -clp:ErrorsOnly >&2; }

build "$here/Worker/Worker.csproj" -o "$cache/new-worker"
old_dll=-
if [ "${OLD_BINDING:-1}" != 0 ]; then
  if [ ! -f "$cache/old-worker/Worker.dll" ]; then
    echo "==> building the old binding from git $old_commit" >&2
    rm -rf "$cache/old" && mkdir -p "$cache/old"
    git -C "$root" archive "$old_commit" Directory.Build.props Directory.Build.targets Directory.Packages.props global.json src/Core src/Models \
      | tar x -C "$cache/old"
    build "$here/Worker/Worker.csproj" -p:ModelsProject="$cache/old/src/Models/ProofCheck.Models.csproj" -o "$cache/old-worker"
  fi
  lib="${PROOFCHECK_LLAMA_LIB:-$cache/npm/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64}"
  if [ ! -d "$lib" ]; then
    echo "==> fetching the old binding's llama.cpp libraries (@node-llama-cpp/linux-x64@3.22.1)" >&2
    npm install --prefix "$cache/npm" --no-save --no-audit --no-fund --loglevel=error @node-llama-cpp/linux-x64@3.22.1 >&2
  fi
  export PROOFCHECK_LLAMA_LIB="$lib"
  old_dll="$cache/old-worker/Worker.dll"
fi
build "$here/LlamaBench.csproj"
dotnet "$here/bin/Release/net10.0/LlamaBench.dll" "$cache/new-worker/Worker.dll" "$old_dll" "$model" "$@"
