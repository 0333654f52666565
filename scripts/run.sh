#!/usr/bin/env bash
# Runs the product: installs what is missing, builds, creates a demo database
# (./rollcall-demo.db, rebuilt each run) and serves it.
# Until the web server lands (issue 4) it prints how to explore the demo
# department from the command line instead of serving it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh >build.log 2>&1 || { tail -50 build.log; exit 1; }
db=${ROLLCALL_DEMO_DB:-rollcall-demo.db}
rm -f "$db" "$db-wal" "$db-shm"
./build/src/cli/rollcall demo --db "$db" "$@"
echo
./build/src/cli/rollcall org show --db "$db" --depth 2
