#!/usr/bin/env bash
# The crossings benchmark (issue 3 item 7): rollcall against the same query in
# SQL on SQLite, PostgreSQL and DuckDB, on the same generated events.
#
#   bench/run.sh                 1M and 10M events
#   bench/run.sh --full          1M, 10M and 100M events
#   bench/run.sh --sizes 100000,1000000 [--timeout 300] [--engines rollcall,duckdb]
#
# Needs: a built rollcall (scripts/build.sh; or ROLLCALL_BIN), sqlite3,
# PostgreSQL 15 server binaries (scripts/pg-test-server.sh), node + npm
# (@duckdb/node-api is installed under bench/node_modules from the lock file),
# and GNU time (/usr/bin/time). Data and outputs go to $BENCH_DIR
# (default /tmp/rollcall-bench); generated data is reused between runs.
#
# For each size: employees = events / 100, seed 1, dates 2015-01-01..2024-12-31,
# thresholds bench/thresholds.csv (the initial table of
# config/thresholds/default.toml). Every engine's output is sorted the same way
# and compared byte for byte with rollcall's. Wall time and peak memory come
# from /usr/bin/time; PostgreSQL's peak is the server's summed PSS, sampled.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=${BENCH_DIR:-/tmp/rollcall-bench}
sizes="1000000,10000000"
limit=300
engines="rollcall,sqlite,postgres,duckdb"
ingest=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --full) sizes="1000000,10000000,100000000" ;;
    --sizes) sizes=$2; shift ;;
    --timeout) limit=$2; shift ;;
    --engines) engines=$2; shift ;;
    --no-ingest) ingest=0 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
has_engine() { [[ ",$engines," == *",$1,"* ]]; }

"$root/scripts/setup.sh" --bench
for tool in sqlite3 node npm /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (see bench/README.md)" >&2; exit 1; }
done
rollcall=${ROLLCALL_BIN:-$root/build/src/cli/rollcall}
if [[ -z ${ROLLCALL_BIN:-} ]]; then "$root/scripts/build.sh" >/dev/null; fi
[[ -x $rollcall ]] || { echo "no rollcall binary at $rollcall" >&2; exit 1; }
if has_engine duckdb && [[ ! -d $here/node_modules/@duckdb/node-api ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --silent)
fi

mkdir -p "$work"
threshold_csv=$here/thresholds.csv
threshold_toml=$work/thresholds.toml
# The same table for rollcall, as top-level indicator tables.
tail -n +2 "$threshold_csv" | while IFS=, read -r ind cnt months; do
  printf '[%s]\ncount = %s\nmonths = %s\n' "$ind" "$cnt" "$months"
done >"$threshold_toml"

# Dialect renderings of the shared query.
render() {  # render DIALECT > file
  python3 - "$1" "$here/sql/crossings.sql.in" <<'PY'
import re, sys
dialect, path = sys.argv[1], sys.argv[2]
sql = open(path).read()
def prev(x):
    return {"sqlite": f"date({x}, '-1 day')", "postgres": f"({x} - 1)",
            "duckdb": f"CAST({x} - INTERVAL 1 DAY AS DATE)"}[dialect]
def start(x, m):
    if dialect == "postgres":  # PostgreSQL clamps month ends itself
        return f"CAST({x} - make_interval(months => {m}) AS date)"
    if dialect == "duckdb":    # so does DuckDB
        return f"CAST({x} - to_months({m}) AS DATE)"
    # SQLite's date(x, '-N months') overflows into the next month (Mar 31 - 1
    # month = Mar 3): go to the first of the target month, add the day, and
    # take the earlier of that and the target month's last day.
    return (f"min(date({x}, 'start of month', '-' || {m} || ' months', "
            f"'+' || (CAST(strftime('%d', {x}) AS INTEGER) - 1) || ' days'), "
            f"date({x}, 'start of month', '-' || {m} || ' months', '+1 month', '-1 day'))")
sql = re.sub(r"@PREV\((.*?)\)@", lambda mo: prev(mo.group(1)), sql)
sql = re.sub(r"@START\((.*?), (\w+)\)@", lambda mo: start(mo.group(1), mo.group(2)), sql)
print(sql.rstrip().rstrip(";") + ";")
PY
}
render sqlite >"$work/query-sqlite.sql"
render postgres >"$work/query-postgres.sql"
render duckdb >"$work/query-duckdb.sql"

pg_dir=""
cleanup() { if [[ -n $pg_dir ]]; then "$root/scripts/pg-test-server.sh" stop "$pg_dir" || true; fi; }
trap cleanup EXIT

# timed NAME LOG -- cmd...: runs under `timeout` and GNU time; sets T_WALL,
# T_KB, T_OK (0 = finished, 1 = timed out, 2 = failed).
timed() {
  local log=$1; shift
  local tf=$work/time.$$
  set +e
  # timeout inside time: it kills the measured command itself (GNU time does not
  # pass a signal on to its child, so the other order leaves the work running).
  /usr/bin/time -f '%e %M' -o "$tf" timeout --kill-after=10 "$limit" "$@" >"$log.out" 2>"$log.err"
  local rc=$?
  set -e
  T_WALL=""; T_KB=""
  if [[ $rc -eq 124 ]]; then T_OK=1; return; fi
  if [[ $rc -ne 0 ]]; then T_OK=2; return; fi
  read -r T_WALL T_KB <"$tf"
  T_OK=0
}

# Summed PSS of the PostgreSQL server (postmaster and its children), sampled
# every 0.2 s while PID runs; prints the peak in KB.
pg_sample() {
  local pid=$1 peak=0 sum p v master
  master=$(head -n1 "$pg_dir/data/postmaster.pid")
  while kill -0 "$pid" 2>/dev/null; do
    sum=0
    for p in "$master" $(pgrep -P "$master" || true); do
      v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || true)
      sum=$((sum + ${v:-0}))
    done
    ((sum > peak)) && peak=$sum
    sleep 0.2
  done
  echo "$peak"
}

declare -a report
add_row() { report+=("$*"); }
fmt_s() { [[ -n $1 ]] && printf '%.2f' "$1" || printf -- '-'; }

for n in ${sizes//,/ }; do
  employees=$((n / 100)); ((employees < 1)) && employees=1
  data=$work/events-$n.csv
  if [[ ! -s $data ]]; then
    echo "generating $n events for $employees employees..." >&2
    /usr/bin/time -f '%e s' -o "$work/gen.time" \
      "$rollcall" gen --employees "$employees" --events "$n" --seed 1 --output "$data"
    echo "  $(cat "$work/gen.time") ($(du -h "$data" | cut -f1))" >&2
  fi
  out=$work/out-$n
  rm -rf "$out"; mkdir -p "$out"
  declare -A wall=() mem=() load=() query=() status=()

  if has_engine rollcall; then
    echo "[$n] rollcall" >&2
    timed "$out/rollcall" "$rollcall" crossings "$data" --thresholds "$threshold_toml" \
      --output "$out/rollcall.csv" --stats
    status[rollcall]=$T_OK; wall[rollcall]=$T_WALL; mem[rollcall]=$T_KB
    if [[ $T_OK -eq 0 ]]; then
      load[rollcall]=$(sed -n 's/.*read \([0-9.e-]*\) s.*/\1/p' "$out/rollcall.err")
      query[rollcall]=$(awk -v w="$T_WALL" -v l="${load[rollcall]}" 'BEGIN{printf "%.3f", w-l}')
    fi
  fi

  if has_engine sqlite; then
    echo "[$n] sqlite" >&2
    db=$work/sqlite-$n.db; rm -f "$db"
    cat >"$work/sqlite-load.sql" <<EOF
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE events (employee_id INTEGER, indicator TEXT, "date" TEXT,
                     use_of_force_type TEXT, firearm_discharge TEXT, preventable TEXT);
CREATE TABLE thresholds (indicator TEXT, cnt INTEGER, months INTEGER);
.import --csv --skip 1 $data events
.import --csv --skip 1 $threshold_csv thresholds
EOF
    timed "$out/sqlite-load" sqlite3 "$db" ".read $work/sqlite-load.sql"
    status[sqlite]=$T_OK; load[sqlite]=$T_WALL; mem[sqlite]=$T_KB
    if [[ $T_OK -eq 0 ]]; then
      { echo "PRAGMA cache_size = -1000000;"; echo "PRAGMA temp_store = MEMORY;"
        echo ".headers on"; echo ".mode csv"; echo ".separator , \"\\n\""
        echo ".output $out/sqlite.csv"; cat "$work/query-sqlite.sql"; } >"$work/sqlite-run.sql"
      timed "$out/sqlite-query" sqlite3 "$db" ".read $work/sqlite-run.sql"
      status[sqlite]=$T_OK; query[sqlite]=$T_WALL
      ((T_KB > mem[sqlite])) 2>/dev/null && mem[sqlite]=$T_KB
    fi
    rm -f "$db"
  fi

  if has_engine postgres; then
    echo "[$n] postgres" >&2
    if [[ -z $pg_dir ]]; then
      pg_dir=$work/pg
      "$root/scripts/pg-test-server.sh" stop "$pg_dir" >/dev/null 2>&1 || true
      pg_url=$("$root/scripts/pg-test-server.sh" start "$pg_dir")
    fi
    PGOPTIONS="-c client_min_messages=warning" psql "$pg_url" -q -v ON_ERROR_STOP=1 -c "DROP TABLE IF EXISTS events, thresholds;" \
      -c "CREATE TABLE events (employee_id BIGINT, indicator TEXT, \"date\" DATE,
            use_of_force_type TEXT, firearm_discharge TEXT, preventable TEXT);" \
      -c "CREATE TABLE thresholds (indicator TEXT, cnt INT, months INT);" \
      -c "\\copy thresholds FROM '$threshold_csv' CSV HEADER" >/dev/null
    timed "$out/pg-load" psql "$pg_url" -q -v ON_ERROR_STOP=1 \
      -c "\\copy events FROM '$data' CSV HEADER" -c "ANALYZE events;"
    status[postgres]=$T_OK; load[postgres]=$T_WALL
    if [[ $T_OK -eq 0 ]]; then
      { echo "SET work_mem = '1GB';"; echo "SET max_parallel_workers_per_gather = 2;"
        printf '\\copy ('; sed '/^--/d' "$work/query-postgres.sql" | tr '\n' ' ' | sed 's/; *$//'
        printf ") TO '%s' CSV HEADER\n" "$out/postgres.csv"; } >"$work/pg-run.sql"
      set +e
      /usr/bin/time -f '%e %M' -o "$work/pg.time" timeout --kill-after=10 "$limit" \
        psql "$pg_url" -q -v ON_ERROR_STOP=1 -f "$work/pg-run.sql" \
        >"$out/pg-query.out" 2>"$out/pg-query.err" &
      tpid=$!
      peak=$(pg_sample "$tpid")
      wait "$tpid"
      rc=$?
      set -e
      if [[ $rc -eq 0 ]]; then
        status[postgres]=0; query[postgres]=$(awk '{print $1}' "$work/pg.time")
      elif [[ $rc -eq 124 ]]; then
        status[postgres]=1
      else
        status[postgres]=2
      fi
      mem[postgres]=$peak
    fi
    # A client killed by the time limit can leave its backend working (a COPY
    # does not notice at once); end it so the DROP is not blocked.
    psql "$pg_url" -q -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                          WHERE pid <> pg_backend_pid() AND datname = current_database();" \
      -c "DROP TABLE IF EXISTS events;" >/dev/null
  fi

  if has_engine duckdb; then
    echo "[$n] duckdb" >&2
    DUCKDB_TEMP_DIR="$work/duckdb-tmp" timed "$out/duckdb" node "$here/duckdb.mjs" "$data" "$threshold_csv" \
      "$work/query-duckdb.sql" "$out/duckdb.csv"
    status[duckdb]=$T_OK; wall[duckdb]=$T_WALL; mem[duckdb]=$T_KB
    if [[ $T_OK -eq 0 ]]; then
      load[duckdb]=$(sed -n 's/.*"load_s":\([0-9.e-]*\).*/\1/p' "$out/duckdb.out")
      query[duckdb]=$(sed -n 's/.*"query_s":\([0-9.e-]*\).*/\1/p' "$out/duckdb.out")
    fi
  fi

  # Totals for the two-step engines.
  for e in sqlite postgres; do
    if [[ ${status[$e]:-} == 0 && -n ${load[$e]:-} && -n ${query[$e]:-} ]]; then
      wall[$e]=$(awk -v a="${load[$e]}" -v b="${query[$e]}" 'BEGIN{printf "%.2f", a+b}')
    fi
  done

  # Same sort, then byte comparison against rollcall.
  for e in rollcall sqlite postgres duckdb; do
    [[ -s $out/$e.csv && ${status[$e]:-1} == 0 ]] || continue
    LC_ALL=C sort "$out/$e.csv" >"$out/$e.sorted"
  done
  crossings=$(($(wc -l <"$out/rollcall.csv" 2>/dev/null || echo 1) - 1))
  for e in rollcall sqlite postgres duckdb; do
    has_engine "$e" || continue
    case ${status[$e]:-2} in
      0)
        same="-"
        if [[ $e != rollcall && -f $out/rollcall.sorted ]]; then
          if cmp -s "$out/rollcall.sorted" "$out/$e.sorted"; then same="identical"; else same="DIFFERENT"; fi
        fi
        ratio="-"
        if [[ $e != rollcall && -n ${wall[rollcall]:-} ]]; then
          ratio=$(awk -v a="${wall[$e]}" -v b="${wall[rollcall]}" 'BEGIN{printf "%.1fx", a/b}')
        fi
        add_row "$n|$e|$(fmt_s "${load[$e]:-}")|$(fmt_s "${query[$e]:-}")|$(fmt_s "${wall[$e]:-}")|$(awk -v k="${mem[$e]:-0}" 'BEGIN{printf "%.0f", k/1024}')|$ratio|$same"
        ;;
      1) add_row "$n|$e|did not finish in $limit s||||||" ;;
      *) add_row "$n|$e|FAILED (see $out/$e*.err)||||||" ;;
    esac
  done
  echo "[$n] $crossings crossings" >&2
  unset wall mem load query status
done

echo
printf '%-10s %-9s %9s %9s %9s %9s %16s %10s\n' events engine "load s" "query s" "total s" \
  "peak MB" "rollcall speed-up" output
for row in "${report[@]}"; do
  IFS='|' read -r n e l q w m r s <<<"$row"
  if [[ $l == did* || $l == FAILED* ]]; then
    printf '%-10s %-9s %s\n' "$n" "$e" "$l"
  else
    printf '%-10s %-9s %9s %9s %9s %9s %16s %10s\n' "$n" "$e" "$l" "$q" "$w" "$m" "$r" "$s"
  fi
done
echo
echo "total = load + query; speed-up = peer total / rollcall total; output compared after"
echo "LC_ALL=C sort with rollcall's. PostgreSQL peak MB = sampled server PSS (client excluded)."

# Incremental ingest: in memory and persisted (bench/ingest/run.sh).
if [[ $ingest -eq 1 ]]; then
  echo
  "$here/ingest/run.sh"
fi
