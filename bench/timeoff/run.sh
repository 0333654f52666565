#!/usr/bin/env bash
# 4.010 leave benchmark, one command:
#   bench/timeoff/run.sh [--employees N] [--repeat R]
# Builds leave_bench (-DROLLCALL_BUILD_BENCH=ON) in $BUILD_DIR (default
# /tmp/rollcall-leave-bench), generates a department of N employees (default
# 50,000) with a year of ledger entries, and times in process: balance-as-of
# for every employee, and the 4.010-POL-7 year-end dry run. Peers, same run,
# same data (the ledger as CSV): the same balance query as SQL in the sqlite3
# CLI (table imported, then the GROUP BY timed; best of 3) and in DuckDB
# (@duckdb/node-api from bench/node_modules, when node is installed), and
# PostgreSQL (scripts/pg-test-server.sh, when installed). Prints each time and
# the ratio peer / rollcall. Checksums (sum of all balances) must agree.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
employees=50000
repeat=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --employees) employees=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    *) echo "usage: $0 [--employees N] [--repeat R]" >&2; exit 2 ;;
  esac
done
build=${BUILD_DIR:-/tmp/rollcall-leave-bench}
data=${BENCH_DIR:-/tmp/rollcall-leave-bench-data}
mkdir -p "$data"
as_of=2026-11-23

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Release} -DROLLCALL_BUILD_BENCH=ON \
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
ninja -C "$build" -j"${JOBS:-2}" leave_bench >/dev/null

echo "== rollcall (in process) =="
"$build/src/app/leave_bench" --employees "$employees" --repeat "$repeat" --csv "$data/ledger.csv" \
  | tee "$data/rollcall.txt"
result=$(grep '^RESULT' "$data/rollcall.txt")
rc_bal=$(sed -E 's/.*balance_s=([0-9.]+).*/\1/' <<<"$result")
rc_sum=$(sed -E 's/.*checksum=(-?[0-9]+).*/\1/' <<<"$result")
query="SELECT sum(m) FROM (SELECT employee, bank, sum(minutes) AS m FROM ledger WHERE date <= '$as_of' GROUP BY employee, bank) AS b;"

ratio() { python3 -c "print(f'{float($1)/float($2):.1f}')"; }

if command -v sqlite3 >/dev/null; then
  echo "== SQLite (sqlite3 CLI) =="
  rm -f "$data/ledger.sqlite"
  sqlite3 "$data/ledger.sqlite" <<SQL
CREATE TABLE ledger(employee INTEGER, bank TEXT, date TEXT, minutes INTEGER);
.mode csv
.import --skip 1 $data/ledger.csv ledger
SQL
  best=""
  for _ in 1 2 3; do
    out=$(sqlite3 "$data/ledger.sqlite" <<SQL
.timer on
$query
SQL
)
    sum=$(head -n1 <<<"$out")
    t=$(grep -oE 'real [0-9.]+' <<<"$out" | awk '{print $2}')
    if [[ -z "$best" ]] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi
  done
  echo "sqlite3 balance-as-of (GROUP BY, best of 3): ${best} s, checksum $sum"
  [[ "$sum" == "$rc_sum" ]] || echo "WARNING: checksum differs from rollcall ($rc_sum)"
  echo "ratio sqlite3 / rollcall: $(ratio "$best" "$rc_bal")x"
fi

if command -v node >/dev/null && [[ -d "$root/bench/node_modules/@duckdb/node-api" ]]; then
  echo "== DuckDB (@duckdb/node-api, in memory) =="
  out=$(cd "$root/bench" && node "$here/duckdb_balance.mjs" "$data/ledger.csv" "$as_of")
  t=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['query_s'])" "$out")
  sum=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['checksum'])" "$out")
  echo "duckdb balance-as-of (best of 3): $t s, checksum $sum"
  [[ "$sum" == "$rc_sum" ]] || echo "WARNING: checksum differs from rollcall ($rc_sum)"
  echo "ratio duckdb / rollcall: $(ratio "$t" "$rc_bal")x"
fi

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== PostgreSQL (throwaway server) =="
  pgdir=$(mktemp -d /tmp/rollcall-leave-bench-pg.XXXX)
  url=$("$root/scripts/pg-test-server.sh" start "$pgdir")
  trap '"$root/scripts/pg-test-server.sh" stop "$pgdir"; rm -rf "$pgdir"' EXIT
  psql -q "$url" -c "CREATE TABLE ledger(employee BIGINT, bank TEXT, date DATE, minutes BIGINT)" \
    -c "\\copy ledger FROM '$data/ledger.csv' CSV HEADER" -c "ANALYZE ledger" >/dev/null
  best=""
  for _ in 1 2 3; do
    out=$(psql -qAt "$url" -c '\timing on' -c "$query")
    sum=$(head -n1 <<<"$out")
    ms=$(grep -oE 'Time: [0-9.]+' <<<"$out" | awk '{print $2}')
    t=$(python3 -c "print($ms/1000)")
    if [[ -z "$best" ]] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi
  done
  echo "postgresql balance-as-of (best of 3): ${best} s, checksum $sum"
  [[ "$sum" == "$rc_sum" ]] || echo "WARNING: checksum differs from rollcall ($rc_sum)"
  echo "ratio postgresql / rollcall: $(ratio "$best" "$rc_bal")x"
fi
