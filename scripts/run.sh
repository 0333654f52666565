#!/usr/bin/env bash
# Runs the product: installs what is missing, builds (C++ and the web front
# end), creates a demo database (./rollcall-demo.db, rebuilt each run) holding
# the generated department with its indicator events, one sign-in per role and
# Seattle's real use-of-force export, then serves the web app on localhost and
# prints the address and the demo sign-ins. Ctrl-C stops it.
# Usage: scripts/run.sh [--port N]   (default 8080; ROLLCALL_DEMO_DB for another file)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh >build.log 2>&1 || { tail -50 build.log; exit 1; }
rollcall=./build/src/cli/rollcall
db=${ROLLCALL_DEMO_DB:-rollcall-demo.db}
rm -f "$db" "$db-wal" "$db-shm"
"$rollcall" demo --db "$db" --no-serve
seattle=../shared/data/seattle/use_of_force_2014-2022.csv
if [[ -f $seattle ]]; then
  echo
  echo "Seattle's use-of-force export (anonymised officers become placeholder employees the"
  echo "Coordinator sees on the dashboard):"
  "$rollcall" events import "$seattle" --mapping seattle-uof --create-employees --db "$db" | tail -n 4
fi
echo
echo "Sign in as any of the demo people listed above (password demo-pass-2026)."
echo "Command line: $rollcall --help (org chain, evaluate, triggers, audit verify … --db $db)"
exec "$rollcall" serve --db "$db" --web web/dist --access-log off "$@"
