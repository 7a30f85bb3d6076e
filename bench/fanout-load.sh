#!/usr/bin/env bash
# Fan-out of daily posts: N cohorts, each in its own Discord channel, all due in the same minute, posted by the real
# bot (one process, or several on one PostgreSQL database) to a fake Discord on loopback that enforces Discord's rate limits (global 50 requests/s
# with 429 + retry_after + X-RateLimit-Global, a 5-per-5-s bucket per channel with X-RateLimit-* headers) and answers
# every request 300 ms late. Goal (issue 14): the last post within 1.1x the floor (N / 50 s), none left to
# reconciliation, no duplicates, global 429s under 1%.
#
#   bench/fanout-load.sh                        builds Release, then 1,000 and 4,000 cohorts
#   NO_BUILD=1 COHORTS="1000 4000 10000" bench/fanout-load.sh
#   LATENCY_MS=0 LEAD=90 LABEL=after KEEP=1     answer at once; seconds from launch to the due minute; a run's name; keep logs
#   BOT_DIR=/tmp/before/src/DevOps90.Bot/bin/Release/net10.0 LABEL=before NO_BUILD=1 bench/fanout-load.sh
#                                               measures another build of the bot (the one before a change)
#   INSTANCES="1 3" COHORTS=1000 bench/fanout-load.sh
#                                               each count on 1 and on 3 bot processes; more than one share a new
#                                               PostgreSQL database on DEVOPS90_TEST_POSTGRES's server (else a throwaway
#                                               server from Debian's postgresql package); POSTGRES=1 puts 1 there too
#
# The cohorts come from a settings file (config/appsettings.Fanout.json) that DevOps90.Bot.LoadTest fanout writes into
# a hard-linked copy of the build output, never into the build output itself. The due minute is the first whole minute
# LEAD seconds after launch (default 45 s plus 1 s per 100 cohorts), which must leave the host time to start and put
# every trigger in place; the run says so and stops otherwise.
set -euo pipefail

cohort_counts="${COHORTS:-1000 4000}"
latency_ms="${LATENCY_MS:-300}"
label="${LABEL:-run}"
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$bench_dir/common.sh"
repo_root="$(dirname "$bench_dir")"
bot_build="${BOT_DIR:-$repo_root/src/DevOps90.Bot/bin/Release/net10.0}"
generator="$bench_dir/DevOps90.Bot.LoadTest/bin/Release/net10.0/DevOps90.Bot.LoadTest"

if [[ "${NO_BUILD:-}" != "1" ]]; then
  echo "== building (Release)"
  dotnet build "$repo_root/src/DevOps90.Bot" -c Release --nologo -v quiet
  dotnet build "$bench_dir/DevOps90.Bot.LoadTest" -c Release --nologo -v quiet
  # The build leaves compiler servers running for a while; they would compete for the two cores.
  dotnet build-server shutdown >/dev/null 2>&1 || true
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/devops90-fanout.XXXXXX")"
cleanup() {
  if [[ "${KEEP:-}" == "1" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# Hard links cost nothing and leave the build output untouched (the run only adds a file); a copy where they fail.
cp -al "$bot_build" "$work/bot" 2>/dev/null || cp -r "$bot_build" "$work/bot"

machine_line
postgres=()
if [[ "${POSTGRES:-}" == "1" ]]; then postgres=(--postgres); fi
for cohorts in $cohort_counts; do
  for instances in ${INSTANCES:-1}; do
    # Several bots start on the same two cores: each more needs as long again.
    lead="${LEAD:-$(( (45 + cohorts / 100) * instances ))}"
    busy_before_run
    "$generator" fanout "$work/bot" "$work" --cohorts "$cohorts" --latency-ms "$latency_ms" --lead "$lead" --label "$label" \
      --instances "$instances" "${postgres[@]}"
  done
done
