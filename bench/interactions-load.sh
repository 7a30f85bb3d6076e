#!/usr/bin/env bash
# Signed /day interactions against the running host over loopback, with wrk sharing the machine.
# Targets (from the issue): median under 1 ms and p99 under 5 ms server-side, at least 5,000 requests/s on 2 cores.
#
#   bench/interactions-load.sh                 builds Release, then: checks, warm-up, loaded run, one-connection run,
#                                              and a sample of server-side times from the host's own request log
#   NO_BUILD=1 bench/interactions-load.sh      uses the binaries already built
#   DURATION=30s CONNECTIONS=32 THREADS=2 PORT=5091 SAMPLE=0 KEEP=1 bench/interactions-load.sh
#   PACED_CONNECTIONS=14 PACED_DELAY_MS=2      the paced run: about 5,000 requests/s (wrk's delay() after each response)
#   DOTNET_gcServer=0 ... bench/interactions-load.sh     runtime settings reach the host through the environment
#
# Traffic goes to 127.0.0.1 only; the host's Discord API base points at a closed local port it never calls for /day.
set -euo pipefail

duration="${DURATION:-25s}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
port="${PORT:-5091}"
sample="${SAMPLE:-1}"
paced_connections="${PACED_CONNECTIONS:-14}"
paced_delay="${PACED_DELAY_MS:-2}"
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$bench_dir/common.sh"
repo_root="$(dirname "$bench_dir")"
bot="$repo_root/src/DevOps90.Bot/bin/Release/net10.0/DevOps90.Bot"
generator="$bench_dir/DevOps90.Bot.LoadTest/bin/Release/net10.0/DevOps90.Bot.LoadTest"
timings_hook="$bench_dir/DevOps90.Bot.ServerTimings/bin/Release/net10.0/DevOps90.Bot.ServerTimings.dll"
base="http://127.0.0.1:$port"
url="$base/discord/interactions"

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (Debian)"
  if ! apt-get install -y -qq wrk >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq wrk >/dev/null
  fi
fi

if [[ "${NO_BUILD:-}" != "1" ]]; then
  echo "== building (Release)"
  dotnet build "$repo_root/src/DevOps90.Bot" -c Release --nologo -v quiet
  dotnet build "$bench_dir/DevOps90.Bot.LoadTest" -c Release --nologo -v quiet
  dotnet build "$bench_dir/DevOps90.Bot.ServerTimings" -c Release --nologo -v quiet
  # The build leaves compiler servers running for a while; they would compete for the two cores.
  dotnet build-server shutdown >/dev/null 2>&1 || true
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/devops90-load.XXXXXX")"
host_pid=""

stop_host() {
  stop_process "$host_pid"
  host_pid=""
}
# KEEP=1 leaves the keys, requests, replies and host logs in $work to look at.
cleanup() {
  stop_host
  if [[ "${KEEP:-}" == "1" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if curl -fsS -m 1 "$base/healthz" >/dev/null 2>&1; then
  echo "something already answers on $base; stop it or set PORT" >&2
  exit 1
fi

# start_host NAME [extra settings...]: a fresh key pair, fresh signed requests in $work/NAME, a fresh data directory.
start_host() {
  local name="$1"
  shift
  local dir="$work/$name"
  mkdir -p "$dir/data"
  "$generator" "$dir" 90 >/dev/null
  # The startup hook records ASP.NET Core's own request durations per phase (see DevOps90.Bot.ServerTimings).
  echo idle >"$dir/phase"
  DOTNET_STARTUP_HOOKS="$timings_hook" DEVOPS90_TIMINGS_DIR="$dir" "$bot" \
    "--Urls=$base" \
    "--Storage:DataDirectory=$dir/data" \
    "--Discord:Token=bench-token" \
    "--Discord:ApplicationId=1200000000000000002" \
    "--Discord:PublicKey=$(cat "$dir/public-key.hex")" \
    "--Discord:Transport=Http" \
    "--Discord:RegisterCommands=false" \
    "--Discord:ApiBaseUrl=http://127.0.0.1:9/api/v10" \
    "--Cohorts:0:Target=discord:1200000000000000100" \
    "--Logging:LogLevel:Default=Warning" \
    "$@" </dev/null >"$dir/host.log" 2>&1 &
  host_pid=$!
  for _ in $(seq 1 300); do
    if curl -fsS -m 1 "$base/healthz" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$host_pid" 2>/dev/null; then
      echo "the host exited:" >&2
      cat "$dir/host.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "the host did not answer $base/healthz within 60 s" >&2
  exit 1
}

# check NAME: one signed /day answers 200 with type 4, one unsigned answers 401.
check() {
  local dir="$work/$1" status
  status=$(curl -sS -m 5 -o "$dir/reply.json" -w '%{http_code}' -X POST "$url" \
    -H 'Content-Type: application/json' \
    -H "X-Signature-Ed25519: $(cat "$dir/day-2.signature")" \
    -H "X-Signature-Timestamp: $(cat "$dir/day-2.timestamp")" \
    --data-binary "@$dir/day-2.body")
  if [[ "$status" != "200" ]] || ! grep -q '^{"type":4,' "$dir/reply.json"; then
    echo "signed /day: expected 200 with type 4, got $status: $(head -c 300 "$dir/reply.json")" >&2
    exit 1
  fi
  echo "signed /day number:2 -> 200 $(grep -o '"title":"[^"]*"' "$dir/reply.json" | head -n 1)"
  status=$(curl -sS -m 5 -o /dev/null -w '%{http_code}' -X POST "$url" \
    -H 'Content-Type: application/json' --data-binary "@$dir/day-2.body")
  if [[ "$status" != "401" ]]; then
    echo "unsigned /day: expected 401, got $status" >&2
    exit 1
  fi
  echo "unsigned /day number:2 -> 401"
}

# run_wrk NAME LABEL wrk-options...: prints wrk's report and keeps its RESULT line and the host's SERVER line.
run_wrk() {
  local dir="$work/$1" label="$2"
  shift 2
  echo "== $label: wrk $* --latency $url"
  echo "$label" | tr ' ' '_' >"$dir/phase"
  sleep 0.3
  wrk "$@" --latency -s "$dir/day.lua" "$url" | tee "$dir/wrk.out"
  echo idle >"$dir/phase"
  sleep 0.5
  echo "$(tail -n 1 "$dir/timings.txt" 2>/dev/null)"
  {
    grep '^RESULT' "$dir/wrk.out" | sed "s/^RESULT/$label, wrk:/"
    tail -n 1 "$dir/timings.txt" 2>/dev/null | sed "s/^SERVER/$label, server:/"
  } >>"$work/summary"
  if grep -q 'non2xx=[1-9]' "$dir/wrk.out"; then
    echo "some responses were not 2xx (expired signatures? refused?)" >&2
  fi
}

# Percentiles of the "Request finished ... 0.1234ms" lines of Microsoft.AspNetCore.Hosting.Diagnostics: the time
# from the first middleware to the end of the pipeline, i.e. without Kestrel's socket and parsing work.
server_times() {
  local log="$1" label="$2"
  grep -o 'Request finished HTTP/1.1 POST [^ ]*/discord/interactions - 200 - .* [0-9.]*ms' "$log" \
    | awk '{ print substr($NF, 1, length($NF) - 2) }' | sort -n >"$log.times" || true
  awk -v label="$label" '
    { t[NR] = $1; sum += $1 }
    function pct(p,  i) { i = int(p * NR + 0.999999); if (i < 1) i = 1; return t[i] }
    END {
      if (NR == 0) { print label ": no request log lines found"; exit }
      printf "%s: n=%d p50=%.3fms p90=%.3fms p99=%.3fms p99.9=%.3fms max=%.3fms mean=%.3fms\n",
        label, NR, pct(0.50), pct(0.90), pct(0.99), pct(0.999), t[NR], sum / NR
    }' "$log.times" | tee -a "$work/summary"
}

: >"$work/summary"

busy_before_run | tee -a "$work/summary"
echo "== host (Warning logs), fresh key"
start_host quiet
check quiet
# Tiered JIT promotes hot methods after a while: the first seconds are slower and are not the figure.
echo "== warm-up: 5 s, $threads threads, $connections connections (not reported)"
wrk -t"$threads" -c"$connections" -d5s -s "$work/quiet/day.lua" "$url" >/dev/null
run_wrk quiet "loaded ($threads threads, $connections connections, $duration)" -t"$threads" -c"$connections" -d"$duration"
# Near the goal's rate rather than flat out: with a pause after each response, a closed loop no longer queues.
WRK_DELAY_MS="$paced_delay" run_wrk quiet "paced ($threads threads, $paced_connections connections, ${paced_delay} ms pause, $duration)" \
  -t"$threads" -c"$paced_connections" -d"$duration"
run_wrk quiet "one connection (1 thread, 10s)" -t1 -c1 -d10s
stop_host

if [[ "$sample" == "1" ]]; then
  # The same host with one log line per request start and finish; the console logger's work costs throughput, so
  # these runs give server-side times only.
  echo "== host with the request log (Microsoft.AspNetCore.Hosting.Diagnostics at Information), fresh key"
  start_host logged \
    "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information" \
    "--Logging:Console:FormatterName=simple" \
    "--Logging:Console:FormatterOptions:SingleLine=true"
  check logged
  wrk -t"$threads" -c"$connections" -d5s -s "$work/logged/day.lua" "$url" >/dev/null
  log="$work/logged/host.log"
  mark=$(stat -c %s "$log")
  wrk -t1 -c1 -d5s -s "$work/logged/day.lua" "$url" >/dev/null
  sleep 1
  tail -c +"$((mark + 1))" "$log" >"$work/logged/one.log"
  mark=$(stat -c %s "$log")
  wrk -t"$threads" -c"$connections" -d10s -s "$work/logged/day.lua" "$url" >/dev/null
  sleep 1
  tail -c +"$((mark + 1))" "$log" >"$work/logged/loaded.log"
  stop_host
  server_times "$work/logged/one.log" "server-side, one connection (5s)"
  server_times "$work/logged/loaded.log" "server-side, $connections connections (10s)"
fi

echo
echo "== summary (targets: p50 < 1 ms and p99 < 5 ms server-side, >= 5000 requests/s)"
cat "$work/summary"
echo "$(machine_line), $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
