#!/usr/bin/env bash
# Times `DevOps90.Bot content check` over the synthetic upstream-shaped repository, each run a fresh process.
# Targets: under 1.5 s on a 2-core machine (issue 13), 0.6 s (issue 15).
#
#   bench/content-check.sh [RUNS] [REPO_DIR]      defaults: 5 runs, $TMPDIR/devops90-bench/content-check-repo
#   NO_BUILD=1 bench/content-check.sh            times the binaries already published (while src/ is mid-change)
#   BIN=src/DevOps90.Bot/bin/Release/net10.0 NO_BUILD=1 bench/content-check.sh   the IL-only build, to compare
set -euo pipefail

runs="${1:-5}"
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(dirname "$bench_dir")"
repo="${2:-${TMPDIR:-/tmp}/devops90-bench/content-check-repo}"
# The bot as the container image has it (Release for linux-x64, ReadyToRun); BIN=folder times another build, e.g.
# BIN=src/DevOps90.Bot/bin/Release/net10.0 for the IL-only `dotnet build` output.
bin="${BIN:-${TMPDIR:-/tmp}/devops90-bench/content-check/bin}"
bot="$bin/DevOps90.Bot"
generator="$bench_dir/DevOps90.Bot.Benchmarks/bin/Release/net10.0/DevOps90.Bot.Benchmarks"

if [[ "${NO_BUILD:-}" != "1" ]]; then
  echo "== publishing the bot (Release for linux-x64, ReadyToRun, as the container image does) into $bin"
  dotnet publish "$repo_root/src/DevOps90.Bot" -c Release -r linux-x64 --self-contained false --nologo -v quiet -o "$bin"
  dotnet build "$bench_dir/DevOps90.Bot.Benchmarks" -c Release --nologo -v quiet
fi

# The folder is replaced: refuse one that holds anything but an earlier synthetic repository (a real checkout, say).
if [[ -d "$repo" && -n "$(ls -A "$repo")" ]] && ! head -n 1 "$repo/README.md" 2>/dev/null | grep -qx '# 90DaysOfDevOps (synthetic)'; then
  echo "$repo is not a synthetic repository this script generated; it would be deleted. Name another folder." >&2
  exit 2
fi
echo "== generating the synthetic repository in $repo"
rm -rf "$repo"
"$generator" generate-repo "$repo"

# GNU time gives the peak resident set size; without it only wall time is measured.
gnu_time=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
  gnu_time=/usr/bin/time
fi

stats="$(mktemp)"
output="$(mktemp)"
trap 'rm -f "$stats" "$output"' EXIT
walls=()
rss_max=0
echo "== $runs fresh-process runs of: DevOps90.Bot content check --root $repo"
for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  if [[ -n "$gnu_time" ]]; then
    "$gnu_time" -v -o "$stats" "$bot" content check --root "$repo" >"$output"
  else
    "$bot" content check --root "$repo" >"$output"
  fi
  end=$(date +%s%N)
  wall_ms=$(( (end - start) / 1000000 ))
  walls+=("$wall_ms")
  rss_kb=""
  if [[ -n "$gnu_time" ]]; then
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$stats")
    (( rss_kb > rss_max )) && rss_max=$rss_kb
  fi
  echo "run $run: ${wall_ms} ms${rss_kb:+, max RSS $(( rss_kb / 1024 )) MB}  ($(tail -n 1 "$output"))"
done

median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
echo "== median wall time: ${median} ms over $runs runs (targets: under 1500 ms, issue 13; at most 600 ms, issue 15)"
if [[ -n "$gnu_time" ]]; then
  echo "== max RSS: $(( rss_max / 1024 )) MB"
fi
