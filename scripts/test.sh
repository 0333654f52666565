#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, checks format and
# layering, starts a throwaway PostgreSQL on loopback, runs the unit, scenario,
# storage and API (SQLite and PostgreSQL) and integration suites with CTest,
# then the browser tests (Playwright + Debian chromium), and ends with one
# summary line "summary: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

scripts/setup.sh || { echo "summary: 0 passed, 1 failed"; exit 1; }
if ! scripts/build.sh >build.log 2>&1; then
  tail -50 build.log
  echo "summary: 0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
step() {  # step NAME COMMAND...: a check outside CTest counts as one test
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
step format scripts/check-format.sh
step layering scripts/check-layers.sh

pg_dir=$(mktemp -d /tmp/rollcall-pg.XXXXXX)
cleanup() { scripts/pg-test-server.sh stop "$pg_dir"; }
trap cleanup EXIT
if pg_url=$(scripts/pg-test-server.sh start "$pg_dir"); then
  export ROLLCALL_TEST_PG_URL=$pg_url
  echo "PostgreSQL for tests at ${pg_url}"
else
  echo "could not start PostgreSQL; see $pg_dir/server.log"
  cat "$pg_dir"/*.log 2>/dev/null | tail -20
fi
export ROLLCALL_REQUIRE_PG=1  # PostgreSQL tests fail, not skip, if the server is missing

ctest --test-dir build --output-on-failure -j "$(nproc)" --timeout 600 | tee build/ctest.log
summary=$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' build/ctest.log | tail -1)
total=$(grep -Eo 'out of [0-9]+' <<<"$summary" | grep -Eo '[0-9]+' || echo 0)
ctest_failed=$(grep -Eo '[0-9]+ tests failed' <<<"$summary" | grep -Eo '^[0-9]+' || echo 0)
if [[ -z $summary ]]; then ctest_failed=1; total=1; fi
passed=$((passed + total - ctest_failed))
failed=$((failed + ctest_failed))

# Browser tests: Playwright driving Debian's chromium against a real `rollcall
# serve` on a fresh demo database (scripts/browser-tests.sh). Each test counts.
scripts/browser-tests.sh 2>&1 | tee build/browser.log
browser=$(grep -E '^browser: [0-9]+ passed, [0-9]+ failed' build/browser.log | tail -1)
if [[ -z $browser ]] || grep -q skipped <<<"$browser"; then
  echo "FAILED: browser tests did not run"
  failed=$((failed + 1))
else
  passed=$((passed + $(grep -Eo '[0-9]+ passed' <<<"$browser" | grep -Eo '[0-9]+')))
  failed=$((failed + $(grep -Eo '[0-9]+ failed' <<<"$browser" | grep -Eo '[0-9]+')))
fi
echo "wall time: $(( $(date +%s) - started )) s"
echo "summary: ${passed} passed, ${failed} failed"
[[ $failed -eq 0 ]]
