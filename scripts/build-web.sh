#!/usr/bin/env bash
# Builds the browser front end (web/) into web/dist, which `rollcall serve
# --web web/dist` serves. Idempotent: `npm ci` runs only when node_modules is
# missing or package-lock.json changed since the last install.
# Usage: scripts/build-web.sh
set -euo pipefail
cd "$(dirname "$0")/../web"
if ! command -v npm >/dev/null; then
  # The C++ build must not depend on Node.js; the browser tests check for dist.
  echo "build-web: skipped, npm not found (install Node.js 20+ to build web/dist)" >&2
  exit 0
fi
stamp=node_modules/.rollcall-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -d node_modules || ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  echo "build-web: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi
npm run --silent build -- --logLevel warn
echo "build-web: web/dist ready at $(pwd)/dist ($(du -sh dist | cut -f1))"
