#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the tests and the benchmark (Debian's postgresql package).
#   eval "$(bash tools/postgres.sh start)"   starts one in a new temporary folder and prints the exports the tests read:
#       PROOFCHECK_TEST_POSTGRES (a URL whose user may create databases), PROOFCHECK_TEST_POSTGRES_RESTART (a command
#       that stops the server, waits a few seconds and starts it again) and PROOFCHECK_TEST_POSTGRES_DIR
#   bash tools/postgres.sh stop DIR          stops it and removes the folder
# The server refuses to run as root, so as root it runs as the 'postgres' user the package creates.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql, or run tools/setup.sh)." >&2
  exit 1
fi
as=""
[ "$(id -u)" -eq 0 ] && as="runuser -u postgres --"

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/proofcheck-pg.XXXXXX)
    [ -n "$as" ] && chown postgres "$dir"
    port=55432
    while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    $as "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1
    ctl="$as $bin/pg_ctl -D $dir/data -l $dir/server.log -o '-k $dir -h 127.0.0.1 -p $port'"
    printf '%s\n' "#!/usr/bin/env bash" "$ctl -w -m fast stop >/dev/null" "sleep \${1:-3}" "$ctl -w start >/dev/null" >"$dir/restart.sh"
    printf '%s\n' "#!/usr/bin/env bash" "$ctl -w -m fast stop >/dev/null" >"$dir/stop.sh"
    eval "$ctl -w start" >/dev/null
    echo "export PROOFCHECK_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port/postgres"
    echo "export PROOFCHECK_TEST_POSTGRES_RESTART='bash $dir/restart.sh'"
    echo "export PROOFCHECK_TEST_POSTGRES_DIR=$dir"
    ;;
  stop)
    dir=${2:?usage: tools/postgres.sh stop DIR}
    [ -f "$dir/stop.sh" ] && bash "$dir/stop.sh" || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: tools/postgres.sh start | stop DIR" >&2
    exit 2
    ;;
esac
