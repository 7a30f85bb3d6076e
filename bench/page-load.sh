#!/usr/bin/env bash
# The public page of a study group (/groups/<id>) under load on loopback, with the load generator sharing the machine.
# Goal (issue 16): median under 10 ms at 100 concurrent connections, for the 10,000-member cohort of the participation
# benchmark (900,000 check-ins on SQLite).
#
#   bench/page-load.sh                     builds Release, then: the first (rendering) request, warm-up, loaded run
#   NO_BUILD=1 DURATION=20s CONNECTIONS=100 PORT=5095 KEEP=1 bench/page-load.sh
#
# The cohort's database is the participation benchmark's file ($TMPDIR/devops90-bench/participation-v1.db, generated
# by `dotnet run -c Release --project bench/DevOps90.Bot.Benchmarks -- participation --runs 1` when missing), copied
# for the host. The group starts 59 days before today, so the page shows day 60 of its calendar; its check-ins are
# dated 2027 by the generator, so the week's leaderboard counts all 900,000 of them (the most work a render can do).
set -euo pipefail

duration="${DURATION:-20s}"
connections="${CONNECTIONS:-100}"
port="${PORT:-5095}"
users=1
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$bench_dir/common.sh"
repo_root="$(dirname "$bench_dir")"
bot="$repo_root/src/DevOps90.Bot/bin/Release/net10.0/DevOps90.Bot"
generator="$bench_dir/DevOps90.Bot.LoadTest/bin/Release/net10.0/DevOps90.Bot.LoadTest"
base="http://127.0.0.1:$port"
url="$base/groups/scale"
scale_db="${TMPDIR:-/tmp}/devops90-bench/participation-v1.db"

if [[ "${NO_BUILD:-}" != "1" ]]; then
  echo "== building (Release)"
  dotnet build "$repo_root/src/DevOps90.Bot" -c Release --nologo -v quiet
  dotnet build "$bench_dir/DevOps90.Bot.LoadTest" -c Release --nologo -v quiet
  dotnet build-server shutdown >/dev/null 2>&1 || true
fi

if [[ ! -f "$scale_db" ]]; then
  echo "== generating the participation benchmark's cohort"
  dotnet run -c Release --project "$bench_dir/DevOps90.Bot.Benchmarks" -- participation --runs 1 >/dev/null
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/devops90-page-load.XXXXXX")"
host_pid=""
cleanup() {
  stop_process "$host_pid"
  if [[ "${KEEP:-}" == "1" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if curl -sS -m 1 -o /dev/null "$base/healthz" 2>/dev/null; then
  echo "something already answers at $base; stop it or set PORT" >&2
  exit 1
fi

mkdir -p "$work/data"
cp "$scale_db" "$work/data/devops90-bot.db"
echo idle >"$work/phase"
# No server-side timings hook here (the figure is the client's): an empty file for run_load to read.
: >"$work/timings.txt"
"$bot" \
  "--Urls=$base" \
  "--Storage:DataDirectory=$work/data" \
  "--Cohorts:0:Id=scale" \
  "--Cohorts:0:StartDate=$(date -d '-59 days' +%F)" \
  "--Cohorts:0:TimeZone=Europe/Paris" \
  "--Cohorts:0:Page=true" \
  "--Logging:LogLevel:Default=Warning" \
  </dev/null >"$work/host.log" 2>&1 &
host_pid=$!
wait_for "$base/healthz" "$host_pid" host

: >"$work/summary"
busy_before_run | tee -a "$work/summary"

# The first request renders the page (the leaderboard over 900,000 check-ins); the next ones are served from the cache.
echo "== first request (renders): $(curl -sS -o "$work/page.html" -w '%{http_code} in %{time_total} s, %{size_download} bytes' "$url")" | tee -a "$work/summary"
grep -q '<table>' "$work/page.html" || { echo "the page has no leaderboard" >&2; exit 1; }

echo "== warm-up: 5 s, $connections connections (not reported)"
"$generator" page-load "$url" _ --connections "$connections" --duration 5s --warmup 0 >/dev/null

run_load page-load "$url" _ loaded "loaded ($connections connections, flat out, $duration)" --connections "$connections" --duration "$duration"

echo
echo "== summary (goal: median < 10 ms at 100 connections)"
cat "$work/summary"
machine_line
