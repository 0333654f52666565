#!/usr/bin/env bash
# Runs the product: installs what is missing, builds, creates a demo database
# (./rollcall-demo.db, rebuilt each run) holding the generated department and
# Seattle's real use-of-force export, and shows what it holds.
# Until the web server lands (issue 4) it prints how to explore the demo from
# the command line instead of serving it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh >build.log 2>&1 || { tail -50 build.log; exit 1; }
rollcall=./build/src/cli/rollcall
db=${ROLLCALL_DEMO_DB:-rollcall-demo.db}
rm -f "$db" "$db-wal" "$db-shm"
"$rollcall" demo --db "$db" --no-serve "$@"
echo
"$rollcall" org show --db "$db" --depth 2
seattle=../shared/data/seattle/use_of_force_2014-2022.csv
if [[ -f $seattle ]]; then
  echo
  echo "Seattle's use-of-force export (anonymised officers become placeholder employees):"
  "$rollcall" events import "$seattle" --mapping seattle-uof --create-employees --db "$db"
  echo
  echo "Use-of-force crossings in 2022 under the default thresholds (rollcall triggers):"
  "$rollcall" triggers --indicator B --from 2022-01-01 --db "$db" | tail -n 6
fi
cat <<MSG

The web app arrives with issue 4. Meanwhile, explore from the command line:
  $rollcall org chain SERIAL --db $db        (chain of command on a date: --on YYYY-MM-DD)
  $rollcall evaluate --as-of 2021-06-30 --db $db
  $rollcall triggers --employee SERIAL --db $db
  $rollcall audit verify --db $db
MSG
