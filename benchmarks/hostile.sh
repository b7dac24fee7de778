#!/usr/bin/env bash
# botty and the Node reference endpoint (benchmarks/node/) under the same hostile clients, one after the
# other in the same run: `simulate attack` (HostileClients and PingProbe in the simulator) against
# each for the same time, with a signed PING every 100 ms throughout. Reported for each: the PINGs
# answered within Discord's 3 s and the slowest, what the attackers got back, and RSS before,
# at the peak of, and after the attack. What is measured and why: docs/benchmarks.md.
#
#   benchmarks/hostile.sh    about three minutes; results in benchmarks/results/hostile-<time>/
#
# Settings (environment, defaults in brackets):
#   BENCH_HOSTILE_SECONDS  length of each attack [60]
#   BENCH_HOSTILE_MIX      extra --kind KIND=COUNT arguments for the attack (the standard mix otherwise) []
#   BENCH_PORT             first of the three loopback ports used (botty, Node, botty management) [18480]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${BENCH_HOSTILE_SECONDS:-60}"
read -ra extra_mix <<<"${BENCH_HOSTILE_MIX:-}"
botty_port="${BENCH_PORT:-18480}"
node_port=$((botty_port + 1))
management_port=$((botty_port + 2))
settle=10

api_jar=interactions-api/target/interactions-api.jar
sim_jar=simulator/target/simulator-0.1.0-SNAPSHOT-cli.jar

# shellcheck source=benchmarks/common.sh
. benchmarks/common.sh

# The flags the image runs with: the same files the Dockerfile appends, read as @argfiles.
image_flags="@deploy/jvm/jvm.options @deploy/jvm/interactions-api.jvm.options"

java="$(find_jdk25)" || die "no JDK 25 or newer found (set JAVA_HOME)"
if [ ! -f "$api_jar" ] || [ ! -f "$sim_jar" ]; then
  log "building (./mvnw -q -B -DskipTests package)"
  ./mvnw -q -B -DskipTests package >&2
fi
ensure_node
require_free_ports
new_results "hostile-"
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; true' EXIT
log "results in $results"

rss_now() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# attack NAME PORT: RSS before, the attack with RSS sampled, RSS $settle s after; sets a_* values.
attack() {
  local name=$1 port=$2 sampler status=0
  sleep 2
  a_before=$(rss_now "$server_pid")
  sample_rss "$server_pid" >"$results/$name-rss.txt" &
  sampler=$!
  "$java" -jar "$sim_jar" attack --url "http://127.0.0.1:$port/interactions" --key "$key_file" \
    --seconds "$seconds" "${extra_mix[@]}" >"$results/$name-attack.txt" || status=$?
  kill "$sampler"
  wait "$sampler" 2>/dev/null || true
  a_alive=yes
  kill -0 "$server_pid" 2>/dev/null || a_alive="no (exited)"
  a_peak=$(sort -n "$results/$name-rss.txt" | tail -1 | cut -d' ' -f1)
  sleep "$settle"
  a_after=$(rss_now "$server_pid" 2>/dev/null || echo 0)
  a_pings=$(grep '^pings ' "$results/$name-attack.txt" | cut -d' ' -f2-)
  # Answers the attackers got, summed over the kinds: "status=count ...".
  a_answers=$(grep '^attack ' "$results/$name-attack.txt" | sed -n 's/.*answers={\(.*\)}/\1/p' | tr ',' '\n' |
    awk -F= 'NF == 2 {gsub(/ /, "", $1); n[$1] += $2} END {for (s in n) printf "%s×%d ", s, n[s]}')
  a_closed=$(grep '^attack ' "$results/$name-attack.txt" | sed -n 's/.*closed_by_server=\([0-9]*\).*/\1/p' | awk '{n += $1} END {print n + 0}')
  log "$name: alive $a_alive; pings $a_pings; RSS before $(mb "$a_before"), peak $(mb "$a_peak"), after $(mb "$a_after") MB (attack exit $status)"
}

log "botty (the image's flags) under attack for $seconds s"
start_botty botty "$image_flags"
attack botty "$botty_port"
b_alive=$a_alive b_pings=$a_pings b_before=$a_before b_peak=$a_peak b_after=$a_after b_answers=$a_answers b_closed=$a_closed
stop "$server_pid"

public_key=$("$java" -cp "$sim_jar" benchmarks/SignedRequests.java "$key_file" "$results/requests.tsv" 1)
log "Node under the same attack for $seconds s"
start_node
attack node "$node_port"
n_alive=$a_alive n_pings=$a_pings n_before=$a_before n_peak=$a_peak n_after=$a_after n_answers=$a_answers n_closed=$a_closed
stop "$server_pid"
server_pid=

ping_field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }
{
  echo "# botty vs Node under hostile clients: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores. $("$java" -version 2>&1 | head -1); Node $(node --version)."
  echo "botty flags: the image's (\`deploy/jvm/jvm.options\` + \`interactions-api.jvm.options\`)."
  echo "Attack: \`simulate attack --seconds $seconds ${extra_mix[*]}\` (HostileClients' standard mix unless changed), a signed PING every 100 ms on a fresh connection throughout."
  echo
  echo "| | botty | Node |"
  echo "|---|---|---|"
  echo "| alive after the attack | $b_alive | $n_alive |"
  echo "| PINGs answered 200 within 3 s / sent | $(ping_field "$b_pings" answered) / $(ping_field "$b_pings" sent) | $(ping_field "$n_pings" answered) / $(ping_field "$n_pings" sent) |"
  echo "| slowest PING answer, ms | $(ping_field "$b_pings" slowest_ms) | $(ping_field "$n_pings" slowest_ms) |"
  echo "| attackers' connections closed by the server | $b_closed | $n_closed |"
  echo "| what the attackers got back (status×count) | $b_answers | $n_answers |"
  echo "| RSS before / peak during / ${settle} s after, MB | $(mb "$b_before") / $(mb "$b_peak") / $(mb "$b_after") | $(mb "$n_before") / $(mb "$n_peak") / $(mb "$n_after") |"
  echo
  echo "Per attack (botty, then Node):"
  echo
  echo '```'
  cat "$results/botty-attack.txt" "$results/node-attack.txt"
  echo '```'
} >"$results/summary.md"
cat "$results/summary.md"
