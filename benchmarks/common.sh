# shellcheck shell=bash
# shellcheck disable=SC2154  # the variables named below are the sourcing script's
# Helpers the benchmark scripts share (benchmarks/run.sh, benchmarks/hostile.sh), sourced from the
# repository's root. start_botty and start_node use the caller's $java, $api_jar, $key_file,
# $public_key, $results and the ports $botty_port, $management_port, $node_port; both set
# $server_pid.

# shellcheck source=tools/find-jdk.sh
. tools/find-jdk.sh

log() { printf 'bench: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    die "the baseline needs node and npm (Node.js 18.4 or newer)"
  fi
  if [ ! -d benchmarks/node/node_modules ] || [ benchmarks/node/package-lock.json -nt benchmarks/node/node_modules ]; then
    log "installing the Node baseline (npm ci in benchmarks/node)"
    (cd benchmarks/node && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Stops the run unless the three ports are free.
require_free_ports() {
  local port
  for port in "$botty_port" "$node_port" "$management_port"; do
    port_free "$port" || die "port $port is in use; set BENCH_PORT to another"
  done
}

# new_results PREFIX: makes benchmarks/results/<PREFIX><time>/ and sets $results (absolute) and $key_file.
new_results() {
  results="benchmarks/results/$1$(date +%Y%m%d-%H%M%S)"
  mkdir -p "$results"
  results="$(cd "$results" && pwd)"
  key_file="$results/signing-key"
}

# Waits until something answers HTTP on the port (any status), or the process is gone.
wait_ready() {
  local port=$1 pid=$2 tries=0
  until curl -s -o /dev/null -m 1 -X POST "http://127.0.0.1:$port/interactions"; do
    kill -0 "$pid" 2>/dev/null || die "the process on port $port exited; see $results"
    tries=$((tries + 1))
    [ "$tries" -lt 600 ] || die "nothing answers on port $port after 60 s"
    sleep 0.1
  done
}

stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# start_botty NAME FLAGS: runs the interactions-api in local mode; its key goes to $key_file.
start_botty() {
  local name=$1 flags
  read -ra flags <<<"$2"
  LOCAL_KEY_FILE="$key_file" MICRONAUT_SERVER_PORT="$botty_port" ENDPOINTS_ALL_PORT="$management_port" \
    "$java" "${flags[@]}" -jar "$api_jar" local >"$results/$name.log" 2>&1 &
  server_pid=$!
  wait_ready "$botty_port" "$server_pid"
}

start_node() {
  DISCORD_PUBLIC_KEY="$public_key" PORT="$node_port" node benchmarks/node/server.js >"$results/node.log" 2>&1 &
  server_pid=$!
  wait_ready "$node_port" "$server_pid"
}

# field LINE KEY: the value of KEY=... in a BENCH line.
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

# Samples VmRSS, RssAnon and RssFile (kB) every half second until killed.
sample_rss() {
  while kill -0 "$1" 2>/dev/null; do
    awk '/^VmRSS:/ {r=$2} /^RssAnon:/ {a=$2} /^RssFile:/ {f=$2} END {print r, a, f}' "/proc/$1/status" 2>/dev/null || true
    sleep 0.5
  done
}

mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
