#!/usr/bin/env bash
# How light the bot is as a process: the time from start until /healthz/ready answers 200 (listening, content
# loaded, database migrated, scheduler running), and the resident memory after it has idled, in console mode with the
# bundled content and a fresh SQLite file. Each run is a fresh process and a fresh data folder.
# Targets (issue 15): ready within 1 s, idle RSS at most 80 MB.
#
#   bench/footprint.sh [RUNS] [IDLE_SECONDS]       defaults: 5 runs, 20 s idle
#   NO_BUILD=1 bench/footprint.sh                  measures the binaries already built
#   EXTRA_ENV="DOTNET_gcServer=1" bench/footprint.sh   the same with runtime settings changed (compare a knob)
#   BIN=/some/publish/folder NO_BUILD=1 bench/footprint.sh   another build of the bot (e.g. without ReadyToRun)
#   BIN=/tmp/devops90-aot NO_BUILD=1 bench/footprint.sh      the Native AOT image (bench/aot-publish.sh): the same
#                                                  DevOps90.Bot executable name, so nothing else changes
#   MODE=gateway bench/footprint.sh                Discord over the gateway instead of the console: the bot holds a
#                                                  session with a fake Discord on loopback (DevOps90.Bot.LoadTest discord-fake)
#   PORT=5191 bench/footprint.sh                   another port (default 5190), when another run may use it
#   SMAPS=1 bench/footprint.sh                     also where the resident memory is, by mapping (largest first)
set -euo pipefail

runs="${1:-5}"
idle="${2:-20}"
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(dirname "$bench_dir")"
source "$bench_dir/common.sh"
out="${TMPDIR:-/tmp}/devops90-bench/footprint"
bin="${BIN:-$out/bin}"
bot="$bin/DevOps90.Bot"
port="${PORT:-5190}"
mode="${MODE:-console}"
loadtest="$bench_dir/DevOps90.Bot.LoadTest/bin/Release/net10.0/DevOps90.Bot.LoadTest"

if [[ "${NO_BUILD:-}" != "1" ]]; then
  echo "== publishing (Release for linux-x64, ReadyToRun, as the container image does) into $bin"
  dotnet publish "$repo_root/src/DevOps90.Bot" -c Release -r linux-x64 --self-contained false --nologo -v quiet -o "$bin"
fi

platform_env=()
if [[ "$mode" == gateway ]]; then
  [[ "${NO_BUILD:-}" == "1" && -x "$loadtest" ]] || dotnet build "$bench_dir/DevOps90.Bot.LoadTest" -c Release --nologo -v quiet
  # The fake serves until its input closes: a sleep that outlives the runs, stopped at the end.
  fake_log="$out/discord-fake.log"
  mkdir -p "$out"
  # (Its own pid is kept: stopped by pid, never by name, since other people's sleeps may look the same.)
  exec {fake_input}< <(sleep $(( runs * (idle + 70) )))
  fake_sleep=$!
  "$loadtest" discord-fake <&"$fake_input" >"$fake_log" 2>&1 &
  for _ in $(seq 1 300); do [[ -s "$fake_log" ]] && break; sleep 0.1; done
  api_base="$(head -n 1 "$fake_log")"
  [[ "$api_base" == http* ]] || { echo "the fake Discord did not start:" >&2; cat "$fake_log" >&2; exit 1; }
  trap 'kill "$fake_sleep" 2>/dev/null || true' EXIT
  platform_env=(Discord__Token=fake-discord-token Discord__ApplicationId=1200000000000000002 Discord__Transport=Gateway
    Discord__RegisterCommands=false "Discord__ApiBaseUrl=$api_base" Cohorts__0__Target=discord:1200000000000000100)
fi

machine_line
busy_before_run
echo "== $runs fresh processes, $mode mode, idle ${idle} s each${EXTRA_ENV:+, with $EXTRA_ENV}"
readies=()
rss_values=()
for run in $(seq 1 "$runs"); do
  work="$out/run-$run"
  rm -rf "$work" && mkdir -p "$work"
  start=$(date +%s%N)
  # The console reads stdin: a pipe that stays open keeps it waiting for commands, as a person at a terminal would.
  exec {console_input}< <(sleep $(( idle + 60 )))
  console_sleep=$!
  env ${EXTRA_ENV:-} "${platform_env[@]}" Storage__DataDirectory="$work" Urls="http://127.0.0.1:$port" \
    "$bot" <&"$console_input" >"$work/bot.log" 2>&1 &
  pid=$!
  ready_ms=""
  for _ in $(seq 1 1500); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' -m 1 "http://127.0.0.1:$port/healthz/ready" || true)" == 200 ]]; then
      ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
      break
    fi
    kill -0 "$pid" 2>/dev/null || { echo "the bot exited:" >&2; cat "$work/bot.log" >&2; exit 1; }
    sleep 0.01
  done
  [[ -n "$ready_ms" ]] || { echo "not ready within 15 s" >&2; cat "$work/bot.log" >&2; exit 1; }
  sleep "$idle"
  rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  anon_kb=$(awk '/^RssAnon:/ {print $2}' "/proc/$pid/status")
  file_kb=$(awk '/^RssFile:/ {print $2}' "/proc/$pid/status")
  shmem_kb=$(awk '/^RssShmem:/ {print $2}' "/proc/$pid/status")
  if [[ "${SMAPS:-}" == "1" ]]; then
    # Resident kB per mapping name (anonymous mappings as [anon]), the largest ten.
    awk '/^[0-9a-f]+-[0-9a-f]+ / {name = (NF >= 6) ? $6 : "[anon]"} /^Rss:/ {rss[name] += $2}
      END {for (n in rss) printf "%8d kB  %s\n", rss[n], n}' "/proc/$pid/smaps" | sort -rn | head -n 10 | tee "$work/smaps.txt"
  fi
  stop_process "$pid"
  kill "$console_sleep" 2>/dev/null || true
  exec {console_input}<&-
  echo "run $run: ready after ${ready_ms} ms; RSS after ${idle} s idle $(( rss_kb / 1024 )) MB (anonymous $(( anon_kb / 1024 )), files $(( file_kb / 1024 )), shared $(( shmem_kb / 1024 )))"
  readies+=("$ready_ms")
  rss_values+=("$(( rss_kb / 1024 ))")
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "RESULT ready_median_ms=$(median "${readies[@]}") rss_median_mb=$(median "${rss_values[@]}")"
