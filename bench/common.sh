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

# wait_for URL PID NAME: polls URL (any HTTP answer) for up to 60 s while PID lives; shows $work/NAME.log if it dies.
wait_for() {
  local address="$1" pid="$2" name="$3"
  for _ in $(seq 1 300); do
    if curl -sS -m 1 -o /dev/null "$address" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the $name exited:" >&2
      cat "$work/$name.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "the $name did not answer $address within 60 s" >&2
  exit 1
}

# busy_ticks: CPU time of the whole machine so far, in clock ticks (all cores, idle and iowait left out).
busy_ticks() {
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}
# host_ticks: the host's own CPU time so far, in clock ticks (utime + stime).
host_ticks() {
  awk '{ print $14 + $15 }' "/proc/$host_pid/stat"
}

# run_load VERB URL KEY NAME LABEL generator-options...: the generator's report, the hook's SERVER line for the same
# window, and what the two cores did meanwhile: the host, the generator, and everything else (another person's build
# counts there). Reads $generator, $work, $users and $host_pid from the calling script.
run_load() {
  local verb="$1" url="$2" key="$3" name="$4" label="$5" machine0 host0 started
  shift 5
  echo "== $label"
  machine0=$(busy_ticks)
  host0=$(host_ticks)
  started=$(date +%s.%N)
  TIMEFORMAT='%U %S'
  { time "$generator" "$verb" "$url" "$key" --users "$users" --phase-file "$work/phase" --phase "$name" "$@" \
      | tee "$work/$name.out"; } 2>"$work/$name.time"
  awk -v tick="$(getconf CLK_TCK)" -v cores="$(nproc)" -v started="$started" -v ended="$(date +%s.%N)" \
    -v machine="$(( $(busy_ticks) - machine0 ))" -v host="$(( $(host_ticks) - host0 ))" '
    END {
      wall = ended - started; generator = $1 + $2; machine /= tick; host /= tick; others = machine - host - generator
      if (others < 0) others = 0
      printf "CPU over the %.1f s of the run: host %.1f s, generator %.1f s, other processes %.1f s; %.0f%% of the %d cores busy\n",
        wall, host, generator, others, 100 * machine / (wall * cores), cores
    }' "$work/$name.time" | tee "$work/$name.cpu"
  sleep 0.5
  tail -n 1 "$work/timings.txt" 2>/dev/null || true
  {
    sed "s|^|$label, |" "$work/$name.cpu"
    grep '^RESULT' "$work/$name.out" | sed "s|^RESULT|$label, client:|"
    tail -n 1 "$work/timings.txt" 2>/dev/null | sed "s|^SERVER|$label, server:|"
  } >>"$work/summary"
  if grep -Eq 'non2xx=[1-9]|socket_errors=[1-9]|bad_replies=[1-9]' "$work/$name.out"; then
    echo "some requests failed or were not answered with a lesson (expired signatures? refused?)" >&2
  fi
}
