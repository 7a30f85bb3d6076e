#!/usr/bin/env bash
# Publishes the bot as a Native AOT executable (no .NET runtime needed where it runs): one DevOps90.Bot file beside
# config/ and content/. Needs a C toolchain as the linker driver (clang; the SDK takes gcc by itself when there is no
# clang) and zlib's headers (zlib1g-dev); the compiler (ILCompiler) comes with the restore. Slow: 15-50 minutes on 2
# cores, so CI does not run it: the trim and AOT analyzers of the ordinary build (IsAotCompatible) guard the code.
#
#   bench/aot-publish.sh [OUTPUT]          default: $TMPDIR/devops90-aot
#   RID=linux-arm64 bench/aot-publish.sh   another platform (a cross toolchain is needed)
#
# Then: BIN=OUTPUT NO_BUILD=1 bench/footprint.sh, BIN=OUTPUT NO_BUILD=1 bench/content-check.sh.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(dirname "$bench_dir")"
out="${1:-${TMPDIR:-/tmp}/devops90-aot}"
rid="${RID:-linux-x64}"

echo "== publishing Native AOT for $rid into $out (started $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
start=$(date +%s)
dotnet publish "$repo_root/src/DevOps90.Bot" -c Release -r "$rid" -p:PublishAot=true --nologo -o "$out"
echo "== done in $(( ($(date +%s) - start) / 60 )) min: $(du -h "$out/DevOps90.Bot" | cut -f1) executable"
