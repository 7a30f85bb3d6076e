# Shared by the load scripts (interactions-load.sh, slack-load.sh): sourced, not run.

# stop_process PID: TERM, up to 10 s, then KILL; only a process the calling script started.
stop_process() {
  local pid="$1"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}

# busy_before_run: how busy the machine was over the last 2 s. The figures are only worth comparing on an otherwise
# idle machine, so every run says it.
busy_before_run() {
  local u1 n1 s1 i1 w1 u2 n2 s2 i2 w2 busy
  read -r _ u1 n1 s1 i1 w1 _ </proc/stat; sleep 2; read -r _ u2 n2 s2 i2 w2 _ </proc/stat
  busy=$(( 100 - 100 * ((i2 + w2) - (i1 + w1)) / ((u2 + n2 + s2 + i2 + w2) - (u1 + n1 + s1 + i1 + w1)) ))
  echo "== CPU busy before the run: ${busy}% of $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg))"
}

# machine_line: cores, CPU model and the ASP.NET Core runtime the host ran on.
machine_line() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), .NET $(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ {v=$2} END {print v}')"
}
