#!/usr/bin/env bash
# Starts the all-in-one (./authorworks) and prints how long each deployable took to become
# ready, how long the whole platform took, and the resident memory of every process, so that a
# start-up or memory regression shows. Then stops it again.
#
#   scripts/startup-times.sh [--first] [--runs N] [--data DIR] [--settle SECONDS] [--out FILE]
#
#   --first         wipe the data directory before the first run: a first start on a fresh
#                   machine (new database, jars extracted again, no ahead-of-time caches)
#   --runs N        start and stop N times in a row (default 1); run 2 and later are "second
#                   starts" (database, extracted jars and caches kept)
#   --data DIR      data directory of the measured platform (default /tmp/authorworks-startup,
#                   so ./data is never touched)
#   --settle S      after the platform is ready, drive some requests through it and wait S
#                   seconds before reading memory again (default 20): memory "after some use",
#                   and time for the launcher to record ahead-of-time caches in the background
#   --out FILE      also append the tables (Markdown) to FILE
#
# Ports 8080 and 15432 must be free: only one all-in-one can run on a machine at a time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

first=false
runs=1
data=/tmp/authorworks-startup
settle=20
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --first) first=true ;;
    --runs) runs="$2"; shift ;;
    --data) data="$2"; shift ;;
    --settle) settle="$2"; shift ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

registry=launcher/authorworks-launcher/src/main/resources/deployables.properties
# name port, in registry order
mapfile -t deployables < <(sed -n 's/^\([a-z0-9-]*\)\.port=[[:space:]]*\([0-9]*\)$/\1 \2/p' "$registry")

busy="$(ss -ltnH '( sport = :8080 or sport = :15432 )' || true)"
if [ -n "$busy" ]; then
  echo "startup-times: port 8080 or 15432 is taken; another all-in-one runs on this machine:" >&2
  echo "$busy" >&2
  exit 1
fi

clk_tck=$(getconf CLK_TCK)
pid_on_port() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "-"; }
cpu_s() { awk -v t="$clk_tck" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$1/stat" 2>/dev/null || echo "-"; }
emit() { printf '%s\n' "$*"; if [ -n "$out" ]; then printf '%s\n' "$*" >> "$out"; fi; }

use_it() {
  # Some ordinary traffic: the web app, and each service's health, a few hundred times.
  for _ in $(seq 1 100); do
    curl -s -o /dev/null http://localhost:8080/ || true
    for entry in "${deployables[@]}"; do
      curl -s -o /dev/null "http://localhost:${entry#* }/actuator/health" || true
    done
  done
}

if $first; then
  rm -rf "$data"
fi
mkdir -p "$data"

launcher=""
# Whatever happens to this script, the platform it started is stopped.
trap '[ -n "$launcher" ] && kill -TERM "$launcher" 2>/dev/null && wait "$launcher"' EXIT

for run in $(seq 1 "$runs"); do
  if $first && [ "$run" = 1 ]; then kind="first start (fresh data, no caches)"; else kind="second start"; fi
  console="$data/startup-console-$run.log"
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  # Emptied before the start, so a line from an earlier run is never taken for this one.
  : > "$console"
  begin=$(date +%s.%N)
  AUTHORWORKS_DATA_DIR="$data" ./authorworks >> "$console" 2>&1 &
  launcher=$!
  until grep -q "platform started in" "$console"; do
    if ! kill -0 "$launcher" 2>/dev/null; then
      echo "startup-times: the launcher exited; its output:" >&2
      cat "$console" >&2
      exit 1
    fi
    if [ "$(echo "$(date +%s.%N) - $begin > 400" | bc)" = 1 ]; then
      echo "startup-times: not ready within 400 s; see $console" >&2
      kill -TERM "$launcher"
      wait "$launcher" || true
      exit 1
    fi
    sleep 0.2
  done
  ready=$(printf '%.1f' "$(echo "$(date +%s.%N) - $begin" | bc)")
  launcher_says="$(sed -n 's/.*platform started in \([0-9.]*\) s.*/\1/p' "$console")"
  emit ""
  emit "### Run $run: $kind — $(date -u '+%Y-%m-%d %H:%M UTC'), load average before: $load_before"
  emit ""
  emit "Whole platform: ready ${ready} s after \`./authorworks\` (the launcher counts ${launcher_says} s from its own start)."
  emit ""
  emit "| process | ready after (launcher) | Spring Boot \"Started\" | process running | CPU at ready | RSS at ready | RSS after use |"
  emit "|---|---|---|---|---|---|---|"
  declare -A rss_ready=() cpu_ready=() pids=()
  for entry in "${deployables[@]}"; do
    name="${entry% *}"
    pid="$(pid_on_port "${entry#* }")"
    pids[$name]="$pid"
    rss_ready[$name]="$( [ -n "$pid" ] && rss_mb "$pid" || echo -)"
    cpu_ready[$name]="$( [ -n "$pid" ] && cpu_s "$pid" || echo -)"
  done
  engines="$( (grep -o '[A-Za-z]* \{0,1\}[A-Za-z]* ready in [0-9.]* s' "$console" || true) | grep -v ' on ' \
    | paste -sd, - | sed 's/,/, /g')"
  launcher_rss_ready="$(rss_mb "$launcher")"
  use_it
  sleep "$settle"
  # A start without ahead-of-time caches records them in the background: let it finish, so
  # that the next run is a true second start.
  training_begin=$(date +%s)
  while pgrep -f "AOTCacheOutput=$data" > /dev/null && [ $(( $(date +%s) - training_begin )) -lt 600 ]; do
    sleep 2
  done
  for entry in "${deployables[@]}"; do
    name="${entry% *}"
    pid="${pids[$name]}"
    launched="$(sed -n "s/.* $name ready on [^ ]* in \([0-9.]*\) s.*/\1 s/p" "$console" | head -1)"
    started="$(grep -ho '"message":"Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' \
      "$data/logs/$name.log" 2>/dev/null | tail -1 || true)"
    boot="$(sed -n 's/.* in \([0-9.]*\) seconds.*/\1 s/p' <<< "$started")"
    running="$(sed -n 's/.*running for \([0-9.]*\))/\1 s/p' <<< "$started")"
    after="$( [ -n "$pid" ] && rss_mb "$pid" || echo -)"
    emit "| $name | ${launched:--} | ${boot:--} | ${running:--} | ${cpu_ready[$name]} s | ${rss_ready[$name]} MB | ${after} MB |"
  done
  emit "| launcher (AMQP broker, SMTP) | $engines | | | | ${launcher_rss_ready} MB | $(rss_mb "$launcher") MB |"
  pg_rss=0
  for pg in $(pgrep -f "$data/.*postgres" || true); do
    pg_rss=$((pg_rss + $(rss_mb "$pg" 2>/dev/null || echo 0)))
  done
  emit "| PostgreSQL (all its processes, shared pages counted in each) | | | | | | ${pg_rss} MB |"
  stop_begin=$(date +%s.%N)
  kill -TERM "$launcher"
  wait "$launcher" || true
  launcher=""
  emit ""
  emit "Stopped in $(printf '%.1f' "$(echo "$(date +%s.%N) - $stop_begin" | bc)") s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
  grep -h "ahead-of-time\|did not stop" "$console" | sed 's/^/    /' | tee -a "${out:-/dev/null}" || true
done
