# Shared by the corpus scripts (tools/coq-corpus.sh, tools/smt-corpus.sh): fetching public files at a fixed commit.
# Runs in the script's work folder; CORPUS_GIT_BASE: a URL or a folder holding OWNER/NAME.git clones (default GitHub).

git_base="${CORPUS_GIT_BASE:-https://github.com}"

fetch() { # fetch OWNER/NAME COMMIT PATH...: files or folders at one commit (from a local clone when CORPUS_GIT_BASE has one)
  local repo="$1" commit="$2" dir="src/${1//\//+}" missing=0 p
  shift 2
  for p in "$@"; do [ -e "$dir/$p" ] || missing=1; done
  if [ "$missing" = 1 ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    if [ -d "$git_base/$repo.git" ]; then
      git --git-dir="$git_base/$repo.git" archive "$commit" "$@" 2>/dev/null | tar -x -C "$dir" || true
    else
      {
        git -C "$dir" init -q
        git -C "$dir" sparse-checkout set --no-cone "$@"
        git -C "$dir" fetch -q --depth 1 --filter=blob:none "$git_base/$repo.git" "$commit"
        git -C "$dir" checkout -q FETCH_HEAD
      } >&2 || true
    fi
  fi
  echo "$dir"
}
