#!/usr/bin/env bash
# botty's music benchmark: the interactions-api and a voice node as an operator runs them, in a
# simulated world (Discord and Lavalink stand-ins, `simulate world`), measured three ways:
#
#   1. the command round trip api → voice node → answer for /queue, paced, beside a PING that the
#      interactions-api answers alone (the baseline: the ratio is what the extra hop costs);
#   2. the voice node's resident memory with one guild playing, after that load;
#   3. the heap a voice node holds per guild: a node started on 1,000 guilds with 100 queued
#      tracks each against one started on an empty data directory, both after a full GC.
#
#   benchmarks/music.sh      about two minutes; results in benchmarks/results/music-<time>/
#
# Settings (environment, defaults in brackets):
#   BENCH_DURATION   seconds of each measured run [20]
#   BENCH_WARMUP     seconds of warm-up before each measured run [5]
#   BENCH_RATE       requests/s of the paced runs [200]
#   BENCH_PORT       first of the loopback ports used (eight in a row) [18580]
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${BENCH_DURATION:-20}"
warmup="${BENCH_WARMUP:-5}"
rate="${BENCH_RATE:-200}"
base="${BENCH_PORT:-18580}"
discord_port=$base
node_port=$((base + 1))
node_management=$((base + 2))
api_port=$((base + 3))
api_management=$((base + 4))
big_node_port=$((base + 5))
big_node_management=$((base + 6))

api_jar=interactions-api/target/interactions-api.jar
node_jar=voice-node/target/voice-node.jar
sim_jar=simulator/target/simulator-0.1.0-SNAPSHOT-cli.jar
bench_jar=benchmarks/target/benchmarks.jar

out="benchmarks/results/music-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

# shellcheck source=tools/find-jdk.sh
. tools/find-jdk.sh
java="$(find_jdk25)" || { echo "music.sh: no JDK 25 found (set JAVA_HOME)" >&2; exit 1; }
jcmd="$(dirname "$java")/jcmd"
command -v wrk >/dev/null || { echo "music.sh: wrk is needed (apt-get install wrk)" >&2; exit 1; }
for jar in "$api_jar" "$node_jar" "$sim_jar" "$bench_jar"; do
  [ -f "$jar" ] || { echo "music.sh: building (./mvnw -DskipTests package)…" >&2; ./mvnw -q -B -DskipTests package >&2; break; }
done

wait_http() { # URL WHAT
  for _ in $(seq 1 300); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "music.sh: $2 did not come up ($1); logs in $out" >&2
  exit 1
}

heap_after_gc() { # PID MANAGEMENT_PORT → bytes of heap in use after a full collection
  "$jcmd" "$1" GC.run >/dev/null
  sleep 1
  curl -fsS "http://127.0.0.1:$2/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ { sum += $NF } END { printf "%.0f\n", sum }'
}

secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# The voice node's flags (docs/benchmarks.md, "voice-node"): a small serial heap, C1 only.
node_flags=(-XX:+UseSerialGC -Xms16m -Xmx96m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError)

echo "music.sh: starting the simulated world, a voice node and the interactions-api" >&2
"$java" -jar "$sim_jar" world --discord-port "$discord_port" --env-file "$out/world.env" > "$out/world.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do [ -f "$out/world.env" ] && break; sleep 0.2; done
[ -f "$out/world.env" ] || { echo "music.sh: the simulated world did not start" >&2; exit 1; }

start_node() { # DATA_DIR PORT MANAGEMENT_PORT LOG → pid
  (
    set -a
    # shellcheck disable=SC1091
    . "$out/world.env"
    set +a
    VOICE_NODE_SECRET="$secret" DATA_DIR="$1" MICRONAUT_SERVER_PORT="$2" ENDPOINTS_ALL_PORT="$3" \
      exec "$java" "${node_flags[@]}" -jar "$node_jar"
  ) > "$4" 2>&1 &
  echo $!
}

node_pid="$(start_node "$out/node-data" "$node_port" "$node_management" "$out/voice-node.log")"
pids+=("$node_pid")
LOCAL_KEY_FILE="$out/signing-key" DISCORD_API_URL="http://127.0.0.1:$discord_port/api/v10" \
  VOICE_NODE_URLS="http://127.0.0.1:$node_port" VOICE_NODE_SECRET="$secret" \
  MICRONAUT_SERVER_PORT="$api_port" ENDPOINTS_ALL_PORT="$api_management" \
  "$java" -XX:+UseSerialGC -jar "$api_jar" local > "$out/interactions-api.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$node_management/health" "the voice node (gateway and Lavalink)"
wait_http "http://127.0.0.1:$api_management/healthz" "the interactions-api"
for _ in $(seq 1 100); do [ -f "$out/signing-key" ] && break; sleep 0.1; done

simulate() { "$java" -jar "$sim_jar" --url "http://127.0.0.1:$api_port/interactions" --key "$out/signing-key" --discord-port "$discord_port" "$@"; }
simulate /play "query:https://www.youtube.com/playlist?list=PLbottySimulatorMix0000000000000001" > "$out/seed.txt" 2>&1
simulate /play query:waltz >> "$out/seed.txt" 2>&1
grep -q '"type" : 4' "$out/seed.txt" || { echo "music.sh: /play did not answer; see $out/seed.txt" >&2; exit 1; }

measure() { # NAME KIND
  "$java" -cp "$sim_jar" benchmarks/MusicRequests.java "$out/signing-key" "$out/$1.requests" "$2" 4000
  BENCH_PACED=1 wrk -t2 -c16 -d"${warmup}s" -s benchmarks/interactions.lua "http://127.0.0.1:$api_port/interactions" -- "$out/$1.requests" "$rate" 2 > /dev/null
  BENCH_PACED=1 wrk -t2 -c16 -d"${duration}s" -s benchmarks/interactions.lua "http://127.0.0.1:$api_port/interactions" -- "$out/$1.requests" "$rate" 2 \
    | tee "$out/$1.wrk" | grep '^BENCH' | sed "s/^BENCH/$1/"
}
echo "music.sh: $rate requests/s for ${duration}s each (after ${warmup}s of warm-up)" >&2
measure ping ping | tee "$out/summary.txt"
measure queue queue | tee -a "$out/summary.txt"
echo "node_rss_kb_one_guild=$(ps -o rss= -p "$node_pid" | tr -d ' ')" | tee -a "$out/summary.txt"
empty_heap="$(heap_after_gc "$node_pid" "$node_management")"

echo "music.sh: seeding 1,000 guilds × 100 tracks and starting a second node on them" >&2
"$java" --enable-native-access=ALL-UNNAMED -cp "$bench_jar" dev.botty.benchmarks.SeedGuilds "$out/big-data" 1000 100 > "$out/seed-guilds.txt"
big_pid="$(start_node "$out/big-data" "$big_node_port" "$big_node_management" "$out/voice-node-1000.log")"
pids+=("$big_pid")
wait_http "http://127.0.0.1:$big_node_management/health" "the second voice node"
for _ in $(seq 1 100); do grep -q "picking up 1000 guild" "$out/voice-node-1000.log" && break; sleep 0.2; done
sleep 2
big_heap="$(heap_after_gc "$big_pid" "$big_node_management")"
echo "heap_after_gc_one_guild_bytes=$empty_heap heap_after_gc_1000_guilds_bytes=$big_heap per_guild_bytes=$(( (big_heap - empty_heap) / 1000 ))" \
  | tee -a "$out/summary.txt"
echo "music.sh: results in $out" >&2
