#!/usr/bin/env bash
# Builds the C baseline against llama.cpp's own header (v0.5.0, from the node-llama-cpp@3.22.1 npm package's source
# bundle) and the C# harness, then runs both on the tiny model in the same process run and prints the ratio.
# Usage: tools/bench/LlamaBench/run.sh [PAIRS] [MAX_TOKENS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
lib="${PROOFCHECK_LLAMA_LIB:-$root/tools/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64}"
model="${PROOFCHECK_BENCH_MODEL:-$root/../shared/models/llama-2-tiny-random.gguf}"
cache="$here/.cache"
mkdir -p "$cache"

if [ -z "${LLAMA_INCLUDE:-}" ]; then
  src="$cache/llama.cpp"
  if [ ! -f "$src/include/llama.h" ]; then
    echo "==> fetching llama.cpp v0.5.0 headers (npm pack node-llama-cpp@3.22.1)" >&2
    (cd "$cache" && npm pack node-llama-cpp@3.22.1 --silent >/dev/null && tar xzf node-llama-cpp-3.22.1.tgz package/llama/gitRelease.bundle)
    rm -rf "$src" && git init -q "$src"
    git -C "$src" fetch -q "$cache/package/llama/gitRelease.bundle" HEAD:refs/heads/release
    git -C "$src" checkout -q release
    rm -rf "$cache/package" "$cache"/node-llama-cpp-*.tgz
  fi
  LLAMA_INCLUDE="$src/include:$src/ggml/include"
fi
includes=()
IFS=':' read -ra dirs <<< "$LLAMA_INCLUDE"
for d in "${dirs[@]}"; do includes+=("-I$d"); done

llama_so="$(cd "$lib" && ls libllama.v*.so 2>/dev/null | head -1 || true)"
ggml_so="$(cd "$lib" && ls libggml.v*.so 2>/dev/null | head -1 || true)"
[ -n "$llama_so" ] || { echo "no libllama in $lib: run bash tools/setup.sh" >&2; exit 2; }
gcc -O2 -std=c11 -D_POSIX_C_SOURCE=199309L -Wall -Wextra -Werror "${includes[@]}" "$here/llama_bench.c" -o "$cache/llama_bench" \
  -L"$lib" -l:"$llama_so" -l:"$ggml_so" -Wl,-rpath,"$lib"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$here/LlamaBench.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
PROOFCHECK_LLAMA_LIB="$lib" dotnet "$here/bin/Release/net10.0/LlamaBench.dll" "$cache/llama_bench" "$model" "$@"
