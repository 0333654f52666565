#!/usr/bin/env bash
# Incremental ingest (issue 3, item 7):
#  1. in memory: the threshold engine per arriving event (Google Benchmark);
#  2. persisted: `rollcall events import` of N generated events into SQLite
#     (parse, compare, evaluate, write events + versions + audit records, one
#     transaction) beside the sqlite3 CLI's `.import` of the same CSV into a
#     plain table (no versions, no audit, no evaluation) as the peer.
# Usage: bench/ingest/run.sh [EVENTS]   (default 200000)
set -euo pipefail
cd "$(dirname "$0")/../.."
events=${1:-200000}
bin=build/src/cli/rollcall
work=$(mktemp -d /tmp/rollcall-ingest.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== in memory: threshold engine per event =="
build/bench/ingest_bench --benchmark_counters_tabular=true 2>/dev/null | grep -E "^(Benchmark|BM_|-)"

echo
echo "== persisted to SQLite: $events events =="
"$bin" gen --employees $((events / 100)) --events "$events" --seed 7 -o "$work/events.csv" >/dev/null
cat >"$work/mapping.toml" <<'TOML'
format = "csv"
source_system = "gen"
[columns]
employee = "employee_id"
kind = "indicator"
date = "date"
incident_number = "@line"
force_type = "use_of_force_type"
firearm_discharge = "firearm_discharge"
preventability = "preventable"
[defaults]
complaint_source = "OPA"
TOML
"$bin" init --db "$work/r.db" >/dev/null
start=$(date +%s.%N)
"$bin" events import "$work/events.csv" --mapping "$work/mapping.toml" --create-employees \
  --db "$work/r.db" >/dev/null
rollcall_s=$(echo "$(date +%s.%N) - $start" | bc)

start=$(date +%s.%N)
sqlite3 "$work/peer.db" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE events (employee_id INTEGER, indicator TEXT, date TEXT, use_of_force_type TEXT,
                     firearm_discharge TEXT, preventable TEXT);
.mode csv
.import --skip 1 $work/events.csv events
SQL
peer_s=$(echo "$(date +%s.%N) - $start" | bc)

printf '%-44s %10s %14s\n' "system" "seconds" "events/s"
printf '%-44s %10.2f %14.0f\n' "rollcall events import (versions+audit)" "$rollcall_s" \
  "$(echo "$events / $rollcall_s" | bc -l)"
printf '%-44s %10.2f %14.0f\n' "sqlite3 .import (plain table)" "$peer_s" \
  "$(echo "$events / $peer_s" | bc -l)"
printf 'rollcall / sqlite3 .import time ratio: %.1fx slower\n' "$(echo "$rollcall_s / $peer_s" | bc -l)"
