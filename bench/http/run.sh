#!/usr/bin/env bash
# HTTP benchmark (issue 4): wrk against `rollcall serve` and, in the same run,
# against nginx serving static files of the same byte sizes.
#
#   bench/http/run.sh [--duration S] [--connections N] [--threads N]
#                     [--warmup S] [--io-threads N] [--workers N] [--no-pin] [--keep]
#
#   --duration S      seconds measured per row (default 10, or $DURATION)
#   --connections N   wrk connections (default 64)
#   --threads N       wrk threads (default 2)
#   --warmup S        unmeasured wrk run before each row (default 2)
#   --io-threads N    rollcall's io threads, and so nginx's worker_processes
#                     (default 1)
#   --workers N       rollcall's handler threads (default: serve's own, 4)
#   --no-pin          do not pin the servers and wrk to separate CPUs
#   --keep            keep the temporary directory (logs, configs, wrk output)
#
# Rows: rollcall GET /healthz, nginx with a file the size of that body;
# rollcall GET /api/v1/triggers?limit=50 signed in as the demo coordinator,
# nginx with a file the size of that body. Prints requests/s, p99 latency, the
# ratio to nginx and PASS/MISS against the targets (/healthz >= 70% of nginx;
# dashboard >= 20,000 requests/s). Exit status 0 even on MISS; non-zero only
# when something could not run.
#
# Needs: wrk, nginx, curl, python3 (scripts/setup.sh --bench), taskset. Uses
# ./build (scripts/build.sh), or an existing build directory in
# $ROLLCALL_BUILD_DIR (not rebuilt).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

duration=${DURATION:-10}
connections=64
threads=2
warmup=2
io_threads=1
workers=""
pin=1
keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift ;;
    --connections) connections=$2; shift ;;
    --threads) threads=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --io-threads) io_threads=$2; shift ;;
    --workers) workers=$2; shift ;;
    --no-pin) pin=0 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ -z $workers || $workers =~ ^[1-9][0-9]*$ ]] || { echo "--workers needs a positive whole number" >&2; exit 2; }
for v in duration connections threads warmup io_threads; do
  [[ ${!v} =~ ^[0-9]+$ ]] || { echo "--${v//_/-} needs a whole number, got '${!v}'" >&2; exit 2; }
done
((duration > 0 && connections > 0 && threads > 0 && io_threads > 0)) ||
  { echo "--duration, --connections, --threads and --io-threads must be positive" >&2; exit 2; }

die() { echo "bench/http: $*" >&2; exit 1; }

# --- tools and the binary ---------------------------------------------------
"$root/scripts/setup.sh" --bench >&2
for tool in wrk nginx curl python3 taskset; do
  command -v "$tool" >/dev/null || die "missing $tool (scripts/setup.sh --bench installs it)"
done
if [[ -n ${ROLLCALL_BUILD_DIR:-} ]]; then
  build=$(cd "$ROLLCALL_BUILD_DIR" 2>/dev/null && pwd) || die "no build directory $ROLLCALL_BUILD_DIR"
else
  build=$root/build
  echo "building rollcall (scripts/build.sh)..." >&2
  "$root/scripts/build.sh" >/tmp/rollcall-bench-http-build.log 2>&1 ||
    { tail -30 /tmp/rollcall-bench-http-build.log >&2; die "build failed (log: /tmp/rollcall-bench-http-build.log)"; }
fi
rollcall=""
for c in "$build/src/cli/rollcall" "$build/rollcall"; do
  if [[ -x $c ]]; then rollcall=$c; break; fi
done
[[ -n $rollcall ]] || die "no rollcall binary in $build (looked for src/cli/rollcall and rollcall)"
# CLI11 answers `rollcall serve --help` with the top-level help when there is
# no such subcommand, so look for it in the list of subcommands.
if ! "$rollcall" --help 2>&1 | grep -qE '^ +serve( |$)'; then
  die "$rollcall has no 'serve' command: the web server (issue 4) is not in this build, nothing to measure"
fi
serve_help=$("$rollcall" serve --help 2>&1 || true)

# --- CPUs: servers on the first io_threads CPUs, wrk on the rest --------------
cpus=$(nproc)
server_cpus="" wrk_cpus=""
if ((pin)) && ((cpus >= 2 && io_threads < cpus)); then
  server_cpus="0-$((io_threads - 1))"; [[ $io_threads -eq 1 ]] && server_cpus=0
  wrk_cpus="$io_threads-$((cpus - 1))"; [[ $io_threads -eq $((cpus - 1)) ]] && wrk_cpus=$((cpus - 1))
  pin_note="servers pinned to CPU $server_cpus, wrk to CPU $wrk_cpus"
elif ((pin)); then
  pin=0
  pin_note="not pinned ($cpus CPUs: nothing left for wrk beside $io_threads server thread(s))"
else
  pin_note="not pinned (--no-pin): servers and wrk share all $cpus CPUs"
fi
# Command prefixes, not functions: a background "${on_server_cpus[@]}" cmd &
# leaves $! the server's own PID (taskset and stdbuf exec), so it can be stopped.
on_server_cpus=() on_wrk_cpus=()
if ((pin)); then on_server_cpus=(taskset -c "$server_cpus"); on_wrk_cpus=(taskset -c "$wrk_cpus"); fi

# --- temporary directory and clean-up ---------------------------------------
tmp=$(mktemp -d /tmp/rollcall-http.XXXXXX)
chmod 711 "$tmp"  # nginx workers (nobody when started as root) read www/ by name
rollcall_pid="" nginx_pid=""
stop_pid() {  # stop_pid PID: TERM, up to 5 s, then KILL
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  stop_pid "$rollcall_pid"
  stop_pid "$nginx_pid"
  if ((rc != 0)); then
    for f in serve.out serve.err nginx-error.log; do
      [[ -s $tmp/$f ]] && { echo "--- $f (last lines)" >&2; tail -n 15 "$tmp/$f" >&2; }
    done
  fi
  if ((keep)); then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- rollcall: demo database, server, sign-in -------------------------------
echo "creating the demo database..." >&2
"$rollcall" demo --no-serve --db "$tmp/demo.db" >"$tmp/demo.out" 2>&1 ||
  { tail -20 "$tmp/demo.out" >&2; die "rollcall demo failed"; }

serve_args=(serve --db "$tmp/demo.db" --port 0)
io_note="$io_threads io thread(s)"
if grep -q -- '--io-threads' <<<"$serve_help"; then
  serve_args+=(--io-threads "$io_threads")
else
  io_note="$io_threads io thread (serve has no --io-threads option: its default)"
  ((io_threads == 1)) || die "rollcall serve has no --io-threads option; cannot run with $io_threads"
fi
if [[ -n $workers ]]; then
  grep -q -- '--workers' <<<"$serve_help" || die "rollcall serve has no --workers option"
  serve_args+=(--workers "$workers")
  io_note+=", $workers handler workers"
else
  io_note+=", handler workers: serve's default"
fi
# Like nginx below: no per-request access log line (the audit of PMP reads
# in the database stays on; it is part of the endpoint).
if grep -q -- '--access-log' <<<"$serve_help"; then
  serve_args+=(--access-log off)
  io_note+=", --access-log off"
fi
# Line-buffered so the address line reaches the file while the server runs.
"${on_server_cpus[@]}" stdbuf -oL -eL "$rollcall" "${serve_args[@]}" >"$tmp/serve.out" 2>"$tmp/serve.err" &
rollcall_pid=$!
port=""
for _ in $(seq 600); do  # up to 60 s
  port=$(grep -o -m1 'http://127\.0\.0\.1:[0-9]\+' "$tmp/serve.out" 2>/dev/null | head -n1 | sed 's/.*://' || true)
  [[ -n $port ]] && break
  kill -0 "$rollcall_pid" 2>/dev/null || die "rollcall serve exited before listening"
  sleep 0.1
done
[[ -n $port ]] || die "rollcall serve printed no http://127.0.0.1:PORT line within 60 s"
rc_url=http://127.0.0.1:$port

status=$(curl -s -o "$tmp/healthz.body" -D "$tmp/healthz.headers" -w '%{http_code}' "$rc_url/healthz") ||
  die "curl $rc_url/healthz failed"
[[ $status == 200 ]] || die "GET /healthz answered $status: $(head -c 300 "$tmp/healthz.body")"

status=$(curl -s -o "$tmp/session.body" -D "$tmp/session.headers" -w '%{http_code}' \
  -H 'Content-Type: application/json' \
  --data '{"username":"coordinator","password":"demo-pass-2026"}' "$rc_url/api/v1/session") ||
  die "curl POST /api/v1/session failed"
[[ $status == 200 || $status == 201 ]] ||
  die "sign-in as coordinator answered $status: $(head -c 300 "$tmp/session.body")"
session=$(tr -d '\r' <"$tmp/session.headers" | sed -n 's/^[Ss]et-[Cc]ookie: *rollcall_session=\([^;]*\).*/\1/p' | head -n1)
[[ -n $session ]] || die "sign-in answered $status but set no rollcall_session cookie"
cookie="Cookie: rollcall_session=$session"

dash_path='/api/v1/triggers?limit=50'
status=$(curl -s -o "$tmp/dashboard.body" -D "$tmp/dashboard.headers" -w '%{http_code}' \
  -H "$cookie" "$rc_url$dash_path") || die "curl GET $dash_path failed"
[[ $status == 200 ]] || die "GET $dash_path as coordinator answered $status: $(head -c 300 "$tmp/dashboard.body")"

# --- nginx: the same bytes, the same extra headers ---------------------------
mkdir -p "$tmp/www"
chmod 755 "$tmp/www"
cp "$tmp/healthz.body" "$tmp/www/healthz.json"
cp "$tmp/dashboard.body" "$tmp/www/dashboard.json"
chmod 644 "$tmp/www/"*.json
size() { stat -c %s "$1"; }

# rollcall's Content-Type and its own headers (security headers, cache
# control...) are added to nginx's responses too, so both send about the same
# bytes per response.
extra_headers() {  # extra_headers HEADERS_FILE -> nginx lines for one location
  local type
  type=$(tr -d '\r' <"$1" | sed -n 's/^[Cc]ontent-[Tt]ype: *//p' | head -n1)
  if [[ -n $type && $type != *'$'* && $type != *'"'* ]]; then
    printf '      types { }\n      default_type "%s";\n' "$type"
  fi
  tr -d '\r' <"$1" | tail -n +2 | while IFS= read -r line; do
    [[ $line == *:* ]] || continue
    local name=${line%%:*} value=${line#*:}
    value=${value# }
    case ${name,,} in
      date|server|content-length|content-type|connection|keep-alive|transfer-encoding|set-cookie|etag|last-modified|accept-ranges) continue ;;
    esac
    [[ $value == *'$'* ]] && continue  # nginx cannot escape $ in a string
    value=${value//\\/\\\\}; value=${value//\"/\\\"}
    printf '      add_header %s "%s" always;\n' "$name" "$value"
  done
}
nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$tmp/nginx.conf" <<EOF
# Generated by bench/http/run.sh: same worker count as rollcall's io threads.
worker_processes $io_threads;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx-body;
  proxy_temp_path $tmp/nginx-proxy;
  fastcgi_temp_path $tmp/nginx-fastcgi;
  uwsgi_temp_path $tmp/nginx-uwsgi;
  scgi_temp_path $tmp/nginx-scgi;
  types { application/json json; }
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  keepalive_timeout 65s;
  etag off;
  server_tokens off;
  open_file_cache max=16 inactive=60s;
  open_file_cache_valid 60s;
  server {
    listen 127.0.0.1:$nginx_port;
    root $tmp/www;
    location = /healthz.json {
$(extra_headers "$tmp/healthz.headers")
    }
    location = /dashboard.json {
$(extra_headers "$tmp/dashboard.headers")
    }
  }
}
EOF
"${on_server_cpus[@]}" nginx -c "$tmp/nginx.conf" -p "$tmp" >"$tmp/nginx.out" 2>&1 &
nginx_pid=$!
ng_url=http://127.0.0.1:$nginx_port
for _ in $(seq 100); do
  curl -s -o /dev/null "$ng_url/healthz.json" && break
  kill -0 "$nginx_pid" 2>/dev/null || { cat "$tmp/nginx.out" >&2; die "nginx exited at start-up"; }
  sleep 0.1
done
nginx_version=$(nginx -v 2>&1 | sed 's/^nginx version: //')

# Total bytes per response (headers + body) on each side, for the report.
wire() {  # wire URL [curl args] -> "BODY HEADERS"
  local url=$1; shift
  curl -s -o /dev/null -w '%{size_download} %{size_header}\n' "$@" "$url"
}
for f in healthz dashboard; do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$ng_url/$f.json") == 200 ]] || die "nginx does not serve $f.json"
done
read -r rc_h_body rc_h_head < <(wire "$rc_url/healthz")
read -r ng_h_body ng_h_head < <(wire "$ng_url/healthz.json")
read -r rc_d_body rc_d_head < <(wire "$rc_url$dash_path" -H "$cookie")
read -r ng_d_body ng_d_head < <(wire "$ng_url/dashboard.json")

load_before=$(cut -d' ' -f1 /proc/loadavg)

# --- wrk ----------------------------------------------------------------------
to_ms() {  # wrk latency (e.g. 812.00us, 2.27ms, 1.05s, 2.00m) -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
    if (f < 0) { print ""; exit }
    printf "%.3f", n * f }'
}
# measure NAME URL [wrk args...]: warm-up, then the measured run; sets RPS,
# P99_MS, BAD (non-2xx/3xx responses) and ERRS (socket errors).
measure() {
  local name=$1 url=$2; shift 2
  local out=$tmp/wrk-$name.txt
  echo "wrk: $name ($url) ${warmup}s warm-up, ${duration}s measured..." >&2
  if ((warmup > 0)); then
    "${on_wrk_cpus[@]}" wrk -t"$threads" -c"$connections" -d"${warmup}s" "$@" "$url" >"$tmp/wrk-$name-warmup.txt" 2>&1 ||
      { cat "$tmp/wrk-$name-warmup.txt" >&2; die "wrk warm-up for $name failed"; }
  fi
  "${on_wrk_cpus[@]}" wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$@" "$url" >"$out" 2>&1 ||
    { cat "$out" >&2; die "wrk for $name failed"; }
  RPS=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  P99_MS=$(to_ms "$(awk '/Latency Distribution/ {d = 1} d && $1 == "99%" {print $2; exit}' "$out")")
  BAD=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")
  ERRS=$(awk '/Socket errors:/ {sub(/.*Socket errors: */, ""); print}' "$out")
  [[ -n $RPS && -n $P99_MS ]] || { cat "$out" >&2; die "could not read Requests/sec and the 99% latency from wrk's output for $name"; }
  BAD=${BAD:-0}
}

measure rollcall-healthz "$rc_url/healthz"
r_h_rps=$RPS r_h_p99=$P99_MS r_h_bad=$BAD r_h_err=$ERRS
measure nginx-healthz "$ng_url/healthz.json"
n_h_rps=$RPS n_h_p99=$P99_MS n_h_bad=$BAD n_h_err=$ERRS
measure rollcall-dashboard "$rc_url$dash_path" -H "$cookie"
r_d_rps=$RPS r_d_p99=$P99_MS r_d_bad=$BAD r_d_err=$ERRS
measure nginx-dashboard "$ng_url/dashboard.json"
n_d_rps=$RPS n_d_p99=$P99_MS n_d_bad=$BAD n_d_err=$ERRS

# --- report -------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else print "-" }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
verdict() {  # verdict OK BAD ERRS
  local v=MISS
  [[ $1 == 1 ]] && v=PASS
  if [[ $2 != 0 ]]; then v="MISS ($2 non-2xx)"; fi
  echo "$v"
}
h_ok=0; ge "$r_h_rps" "$(awk -v n="$n_h_rps" 'BEGIN {print 0.7 * n}')" && h_ok=1
d_ok=0; ge "$r_d_rps" 20000 && d_ok=1
row() { printf '%-34s %-9s %12s %10s %9s  %-20s %s\n' "$@" | sed 's/ *$//'; }
num() {  # 12345.6 -> 12,346
  awk -v v="$1" 'BEGIN { s = sprintf("%.0f", v); o = ""
    while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) }
    print s o }'
}
ms() { printf '%.2f ms' "$1"; }

echo
warm_note="after a ${warmup}s warm-up"; ((warmup > 0)) || warm_note="no warm-up"
echo "rollcall HTTP benchmark: wrk -t$threads -c$connections -d${duration}s --latency ($warm_note), one server loaded at a time"
echo "machine: $cpus CPUs; $pin_note; load average before the run $load_before (other work on the machine skews every row)"
echo "rollcall serve: $io_note; nginx ($nginx_version): worker_processes $io_threads, access_log off, same Content-Type and extra headers as rollcall"
echo "response bytes (body + headers): /healthz $rc_h_body + $rc_h_head, nginx $ng_h_body + $ng_h_head;" \
  "dashboard $rc_d_body + $rc_d_head, nginx $ng_d_body + $ng_d_head"
echo
row target server requests/s p99 "vs nginx" goal result
row "GET /healthz" rollcall "$(num "$r_h_rps")" "$(ms "$r_h_p99")" "$(ratio "$r_h_rps" "$n_h_rps")" \
  ">= 70% of nginx" "$(verdict "$h_ok" "$r_h_bad")"
row "  static file, $ng_h_body B" nginx "$(num "$n_h_rps")" "$(ms "$n_h_p99")" "" "" \
  "$([[ $n_h_bad != 0 ]] && echo "($n_h_bad non-2xx)")"
row "GET $dash_path" rollcall "$(num "$r_d_rps")" "$(ms "$r_d_p99")" "$(ratio "$r_d_rps" "$n_d_rps")" \
  ">= 20,000 req/s" "$(verdict "$d_ok" "$r_d_bad")"
row "  static file, $ng_d_body B" nginx "$(num "$n_d_rps")" "$(ms "$n_d_p99")" "" "" \
  "$([[ $n_d_bad != 0 ]] && echo "($n_d_bad non-2xx)")"
for pair in "rollcall /healthz:$r_h_err" "nginx healthz:$n_h_err" "rollcall dashboard:$r_d_err" "nginx dashboard:$n_d_err"; do
  if [[ -n ${pair#*:} ]]; then echo "socket errors, ${pair%%:*}: ${pair#*:}"; fi
done
echo
echo "vs nginx = rollcall requests/s / nginx requests/s on a file of the same body size."
echo "Dashboard requests carry the coordinator's session cookie (signed in via POST /api/v1/session)."
exit 0
