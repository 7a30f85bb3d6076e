#!/usr/bin/env bash
# Reminders fan-out: N members of one group with reminders due at the same instant, sent by the bot's reminder round
# (its SQLite stores and reminders' ledger, the real Discord REST client, rate limiter and DM messenger, in one
# process) to the fake Discord on loopback with Discord's limits (global 50 requests/s), every answer 300 ms late.
# Each DM is two requests (POST /users/@me/channels, then the message): the floor is 2N / 50 s (400 s for 10,000).
#
#   bench/reminders-load.sh                          builds Release, then 10,000 members
#   NO_BUILD=1 MEMBERS=1000 LATENCY_MS=0 CONCURRENCY=64 bench/reminders-load.sh
set -euo pipefail

members="${MEMBERS:-10000}"
latency_ms="${LATENCY_MS:-300}"
concurrency="${CONCURRENCY:-64}"
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$bench_dir/common.sh"
generator="$bench_dir/DevOps90.Bot.LoadTest/bin/Release/net10.0/DevOps90.Bot.LoadTest"

if [[ "${NO_BUILD:-}" != "1" ]]; then
  echo "== building (Release)"
  dotnet build "$bench_dir/DevOps90.Bot.LoadTest" -c Release --nologo -v quiet
  dotnet build-server shutdown >/dev/null 2>&1 || true
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/devops90-reminders.XXXXXX")"
trap 'rm -rf "$work"' EXIT

machine_line
busy_before_run
"$generator" reminders "$work" "$members" "$latency_ms" "$concurrency"
