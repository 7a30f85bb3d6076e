#!/usr/bin/env bash
# Signed Discord /day interactions against the running host over loopback, with the load generator sharing the
# machine. Targets (from the issue): median under 1 ms and p99 under 5 ms server-side, at least 5,000 requests/s on
# 2 cores.
#
#   bench/interactions-load.sh                 builds Release, then: checks, warm-up, loaded run, paced run, one connection
#   NO_BUILD=1 bench/interactions-load.sh      uses the binaries already built
#   DURATION=30s CONNECTIONS=32 PORT=5091 USERS=8 KEEP=1 bench/interactions-load.sh
#   PACED_RATE=5000 PACED_CONNECTIONS=16       the paced run: about the goal's rate, spread over 16 connections
#   DOTNET_gcServer=0 ... bench/interactions-load.sh     runtime settings reach the host (and the generator) through the environment
#
# The host runs an interaction id once and refuses a replay with 409, so every request needs its own id and therefore
# its own Ed25519 signature: DevOps90.Bot.LoadTest discord-load signs each one as it sends it (wrk, which replayed a
# fixed set, cannot). The host's Discord API base points at a closed local port it never calls for /day; traffic
# stays on 127.0.0.1.
set -euo pipefail

duration="${DURATION:-25s}"
connections="${CONNECTIONS:-64}"
port="${PORT:-5091}"
users="${USERS:-8}"
paced_rate="${PACED_RATE:-5000}"
paced_connections="${PACED_CONNECTIONS:-16}"
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$bench_dir/common.sh"
repo_root="$(dirname "$bench_dir")"
bot="$repo_root/src/DevOps90.Bot/bin/Release/net10.0/DevOps90.Bot"
generator="$bench_dir/DevOps90.Bot.LoadTest/bin/Release/net10.0/DevOps90.Bot.LoadTest"
timings_hook="$bench_dir/DevOps90.Bot.ServerTimings/bin/Release/net10.0/DevOps90.Bot.ServerTimings.dll"
base="http://127.0.0.1:$port"
url="$base/discord/interactions"

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

# KEEP=1 leaves the keys, the host's log and the hook's timings in $work to look at.
cleanup() {
  stop_process "$host_pid"
  if [[ "${KEEP:-}" == "1" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if curl -sS -m 1 -o /dev/null "$base/healthz" 2>/dev/null; then
  echo "something already answers on $base; stop it or set PORT" >&2
  exit 1
fi

# A fresh key pair and data directory; the bundled cohort is moved to a Discord channel (which turns the local console
# off). Warning logs only: nothing per request. The startup hook records ASP.NET Core's own request durations per
# phase (see DevOps90.Bot.ServerTimings).
"$generator" discord-keys "$work" >/dev/null
key="$(cat "$work/private-key.hex")"
mkdir -p "$work/data"
echo idle >"$work/phase"
DOTNET_STARTUP_HOOKS="$timings_hook" DEVOPS90_TIMINGS_DIR="$work" "$bot" \
  "--Urls=$base" \
  "--Storage:DataDirectory=$work/data" \
  "--Discord:Token=bench-token" \
  "--Discord:ApplicationId=1200000000000000002" \
  "--Discord:PublicKey=$(cat "$work/public-key.hex")" \
  "--Discord:Transport=Http" \
  "--Discord:RegisterCommands=false" \
  "--Discord:ApiBaseUrl=http://127.0.0.1:9/api/v10" \
  "--Cohorts:0:Target=discord:1200000000000000100" \
  "--Logging:LogLevel:Default=Warning" \
  </dev/null >"$work/host.log" 2>&1 &
host_pid=$!
wait_for "$base/healthz" "$host_pid" host

: >"$work/summary"

busy_before_run | tee -a "$work/summary"

echo "== checks"
"$generator" discord-check "$url" "$key"

# Tiered JIT promotes hot methods after a while: the first seconds are slower and are not the figure.
echo "== warm-up: 5 s, $connections connections (not reported)"
"$generator" discord-load "$url" "$key" --connections "$connections" --duration 5s --warmup 0 --users "$users" >/dev/null

run_load discord-load "$url" "$key" loaded "loaded ($connections connections, flat out, $duration)" \
  --connections "$connections" --duration "$duration"
run_load discord-load "$url" "$key" paced "paced ($paced_connections connections, ${paced_rate}/s, $duration)" \
  --connections "$paced_connections" --rate "$paced_rate" --duration "$duration"
run_load discord-load "$url" "$key" one_connection "one connection (10s)" --connections 1 --duration 10s

echo
echo "== summary (targets: p50 < 1 ms and p99 < 5 ms server-side, >= 5000 requests/s)"
cat "$work/summary"
echo "host log entries at Warning or above: $(grep -Ec '^(warn|fail|crit):' "$work/host.log" || true)"
machine_line
