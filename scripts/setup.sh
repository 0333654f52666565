#!/usr/bin/env bash
# Installs every Debian package rollcall needs to build, run and test
# (with --bench, also what the benchmarks need; with --browser, the chromium
# the browser tests drive).
# Idempotent: packages already present are not reinstalled, and apt is not
# touched at all when nothing is missing. Must run as root (or via sudo).
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache clang-format clang-tidy
  # libraries (see ARCHITECTURE.md, "Chosen libraries")
  libsoci-dev libsqlite3-dev libpq-dev libhowardhinnant-date-dev nlohmann-json3-dev
  libcli11-dev libspdlog-dev libfmt-dev libsodium-dev liboath-dev libtomlplusplus-dev
  libcpp-httplib-dev libboost-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # real components used by tests: SQLite CLI, PostgreSQL server, time-zone data
  sqlite3 postgresql tzdata
)

# The front end (web/) is built with npm. Node.js may come from outside Debian
# (it does on these machines); Debian's is installed only when there is none.
if ! command -v npm >/dev/null; then PACKAGES+=(nodejs npm); fi

# Benchmarks (bench/run.sh) need peers and tools the tests do not.
if [[ ${1:-} == --bench ]]; then
  PACKAGES+=(time python3 bc wrk nginx)
fi

# Browser tests (scripts/browser-tests.sh) drive Debian's chromium through
# Playwright; browsers are never downloaded.
if [[ ${1:-} == --browser ]]; then
  PACKAGES+=(chromium)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts a PostgreSQL cluster on install; tests start their own on
  # loopback, so the packaged one is stopped to keep the machine quiet.
  if printf '%s\n' "${missing[@]}" | grep -qx postgresql; then
    $SUDO pg_ctlcluster --force 15 main stop >/dev/null 2>&1 || true
  fi
else
  echo "setup: all ${#PACKAGES[@]} packages present"
fi
