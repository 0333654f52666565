#!/usr/bin/env bash
# Browser tests of the web front end against a real `rollcall serve` on a
# fresh demo database, with Debian's chromium (never a downloaded browser).
# Ends with one line: `browser: N passed, M failed` (exit 1 if any failed).
# Usage: scripts/browser-tests.sh [node --test args, e.g. --test-name-pattern=officer]
# Env: ROLLCALL_BIN (default build/src/cli/rollcall), KEEP_TMP=1 keeps the temp dir.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=${ROLLCALL_BIN:-$root/build/src/cli/rollcall}
if [[ -z ${ROLLCALL_BIN:-} && ! -x $bin && -x $root/build/rollcall ]]; then bin=$root/build/rollcall; fi

scripts/setup.sh --browser
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "browser-tests: Node.js 20+ and npm are required" >&2
  echo "browser: 0 passed, 1 failed"
  exit 1
fi

# Front end: build web/dist when it is missing (build.sh normally did it).
if [[ ! -f web/dist/index.html ]]; then scripts/build-web.sh; fi

# Test dependencies: npm ci only when node_modules is missing or the lock changed.
(
  cd tests/browser
  stamp=node_modules/.rollcall-lock.sha256
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [[ ! -d node_modules || ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
  fi
)

if [[ ! -x $bin ]] || ! "$bin" serve --help >/dev/null 2>&1; then
  echo "browser-tests: SKIPPED — $bin has no 'serve' command yet (build it with scripts/build.sh)"
  echo "browser: 0 passed, 0 failed, 1 skipped"
  exit 0
fi

tmp=$(mktemp -d /tmp/rollcall-browser.XXXXXX)
server_pid=""
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ ${KEEP_TMP:-} == 1 ]]; then echo "browser-tests: kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

echo "browser-tests: building the demo database"
"$bin" demo --no-serve --db "$tmp/demo.db" >"$tmp/demo.log" 2>&1 || {
  cat "$tmp/demo.log" >&2
  echo "browser: 0 passed, 1 failed"
  exit 1
}

"$bin" serve --db "$tmp/demo.db" --port 0 --web "$root/web/dist" >"$tmp/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 300); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/server.log" | head -n 1 || true)
  [[ -n $url ]] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [[ -z $url ]]; then
  echo "browser-tests: the server did not print its address; its log:" >&2
  cat "$tmp/server.log" >&2
  echo "browser: 0 passed, 1 failed"
  exit 1
fi
echo "browser-tests: server at $url"

set +e
(
  cd tests/browser
  ROLLCALL_URL=$url ROLLCALL_DEMO_LOG=$tmp/demo.log ROLLCALL_ROOT=$root \
    node --test --test-concurrency=1 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tmp/results.tap" \
    "$@" tests/
)
status=$?
set -e

passed=$(grep -E '^# pass ' "$tmp/results.tap" | tail -n 1 | awk '{print $3}')
failed=$(grep -E '^# fail ' "$tmp/results.tap" | tail -n 1 | awk '{print $3}')
skipped=$(grep -E '^# skipped ' "$tmp/results.tap" | tail -n 1 | awk '{print $3}')
passed=${passed:-0}
failed=${failed:-0}
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
if [[ $failed -ne 0 ]]; then
  echo "browser-tests: server log tail:"
  tail -n 20 "$tmp/server.log"
fi
if [[ ${skipped:-0} -gt 0 ]]; then
  echo "browser: $passed passed, $failed failed, $skipped skipped"
else
  echo "browser: $passed passed, $failed failed"
fi
[[ $failed -eq 0 ]]
