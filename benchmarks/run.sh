#!/usr/bin/env bash
# botty's benchmark: the interactions-api against the conventional Node.js endpoint (express +
# discord-interactions, benchmarks/node/), one after the other in the same run with the same load, so
# every figure can be read as a ratio against a baseline measured beside it on the same noisy
# machine. What is measured and why: docs/benchmarks.md.
#
#   benchmarks/run.sh        the whole bench, about twelve minutes; results in benchmarks/results/<time>/
#
# Settings (environment, defaults in brackets):
#   BENCH_DURATION          seconds of each headline load run; at full speed, split over the rounds [20]
#   BENCH_THROUGHPUT_ROUNDS full-speed rounds alternating between botty and Node [4]
#   BENCH_WARMUP            seconds of warm-up before each measured run [5]
#   BENCH_RATE              requests/s of the paced run [1000]
#   BENCH_THREADS, BENCH_CONNECTIONS   wrk threads and connections [2, 64]
#   BENCH_ROUNDS            starts per variant for the start-time medians [5]
#   BENCH_VARIANT_DURATION  seconds of each load run per JVM variant, after 3 s of warm-up [6]
#   BENCH_PORT              first of the three loopback ports used (botty, Node, botty management) [18480]
#   BENCH_JMH               0 skips the JMH signature benchmark [1]
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${BENCH_DURATION:-20}"
throughput_rounds="${BENCH_THROUGHPUT_ROUNDS:-4}"
warmup="${BENCH_WARMUP:-5}"
rate="${BENCH_RATE:-1000}"
threads="${BENCH_THREADS:-2}"
connections="${BENCH_CONNECTIONS:-64}"
rounds="${BENCH_ROUNDS:-5}"
variant_duration="${BENCH_VARIANT_DURATION:-6}"
variant_warmup=3
botty_port="${BENCH_PORT:-18480}"
node_port=$((botty_port + 1))
management_port=$((botty_port + 2))
run_jmh="${BENCH_JMH:-1}"
request_count=2000

api_jar=interactions-api/target/interactions-api.jar
sim_jar=simulator/target/simulator-0.1.0-SNAPSHOT-cli.jar
jmh_jar=benchmarks/target/benchmarks.jar

# The JVM flags we recommend for the interactions-api (docs/benchmarks.md, "JVM flags"): the
# image's and the systemd unit's own files, so the bench measures what is deployed. The headline
# runs use them with an AOT cache trained at the start of this run.
recommended_flags="@deploy/jvm/jvm.options @deploy/jvm/interactions-api.jvm.options"
# The alternative that compiles with C2 for throughput, at a memory cost (its own AOT cache): the
# same files, then C2 alone instead of C1 (no profiled C1 code in between) with shallower inlining,
# which keeps each compilation's arena small (docs/benchmarks.md, "JVM flags").
c2_flags="$recommended_flags -XX:-TieredCompilation -XX:MaxInlineLevel=6 -XX:FreqInlineSize=100"
fewer_compiles="-XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000 -XX:Tier3BackEdgeThreshold=600000"
# JVM variants measured beside each other. The first seven each add one step to the one before,
# ending at the recommended flags with their AOT cache; the last two are measured asides: C2 for
# throughput, and no class-data archive at all (neither the AOT cache nor the JDK's own), which
# holds the least memory and starts the slowest. @AOT@ and @AOT_C2@ stand for the AOT caches
# trained with $recommended_flags and $c2_flags.
variant_names=(default serial-gc small-heap c1-only native-trim fewer-compiles aot-cache c2-lean-aot no-cds)
variant_flags=(
  ""
  "-XX:+UseSerialGC"
  "-XX:+UseSerialGC -Xms8m -Xmx22m -Xmn4m -XX:+UseCompactObjectHeaders"
  "-XX:+UseSerialGC -Xms8m -Xmx22m -Xmn4m -XX:+UseCompactObjectHeaders -XX:TieredStopAtLevel=1"
  "-XX:+UseSerialGC -Xms8m -Xmx22m -Xmn4m -XX:+UseCompactObjectHeaders -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=1000"
  "-XX:+UseSerialGC -Xms8m -Xmx22m -Xmn4m -XX:+UseCompactObjectHeaders -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=1000 $fewer_compiles"
  "$recommended_flags -XX:AOTCache=@AOT@"
  "$c2_flags -XX:AOTCache=@AOT_C2@"
  "$recommended_flags -Xshare:off"
)
variant_notes=(
  "JVM defaults (G1, heap up to ¼ of RAM)"
  "+ \`-XX:+UseSerialGC\`"
  "+ \`-Xms8m -Xmx22m -Xmn4m -XX:+UseCompactObjectHeaders\`"
  "+ \`-XX:TieredStopAtLevel=1\` (C1 only)"
  "+ \`-XX:TrimNativeHeapInterval=1000\`"
  "+ \`-XX:Tier3InvocationThreshold=2000\` and the other three thresholds ×10 (fewer methods compiled)"
  "the image's flags (deploy/jvm: the above, \`-XX:-UsePerfData\`, \`-XX:+ExitOnOutOfMemoryError\`) + \`-XX:AOTCache=botty.aot\` (recommended)"
  "the image's flags with C2 alone instead of C1 (\`-XX:-TieredCompilation -XX:MaxInlineLevel=6 -XX:FreqInlineSize=100\`) + \`-XX:AOTCache=botty-c2.aot\`"
  "the image's flags with no class-data archive at all (\`-Xshare:off\`: classes parsed from the jar and the JDK's modules as they are first used)"
)

# shellcheck source=benchmarks/common.sh
. benchmarks/common.sh

ensure_built() {
  if [ ! -f "$api_jar" ] || [ ! -f "$sim_jar" ] || { [ "$run_jmh" != 0 ] && [ ! -f "$jmh_jar" ]; }; then
    log "building (./mvnw -q -B -DskipTests package)"
    ./mvnw -q -B -DskipTests package >&2
  fi
}

ensure_wrk() {
  command -v wrk >/dev/null && return 0
  local apt=(apt-get)
  [ "$(id -u)" -eq 0 ] || apt=(sudo apt-get)
  log "installing wrk (${apt[*]} install wrk)"
  "${apt[@]}" install -y -q wrk >&2 || { "${apt[@]}" update -q >&2 && "${apt[@]}" install -y -q wrk >&2; }
  command -v wrk >/dev/null || die "wrk could not be installed"
}

# Freshly signed requests (the endpoints refuse timestamps older than five minutes); sets $public_key.
sign_requests() {
  public_key=$("$java" -cp "$sim_jar" benchmarks/SignedRequests.java "$key_file" "$requests" "$request_count")
}

# post LINE URL [SIGNATURE]: posts request LINE of the requests file; prints "STATUS BODY".
post() {
  local signature timestamp body status
  IFS=$'\t' read -r signature timestamp body < <(sed -n "$1p" "$requests")
  status=$(curl -s -o "$results/answer.json" -w '%{http_code}' -m 5 -H 'Content-Type: application/json' \
    -H "X-Signature-Ed25519: ${3:-$signature}" -H "X-Signature-Timestamp: $timestamp" \
    --data-binary "$body" "$2")
  printf '%s %s\n' "$status" "$(tr -d '\n' <"$results/answer.json")"
}

# Before any load: a signed PING is a PONG, a bad signature is a 401, /avatar is an embed.
check_endpoint() {
  local name=$1 url=$2 answer signature bad
  answer=$(post 1 "$url")
  if [ "${answer%% *}" != 200 ] || [ "$(jq -c . <<<"${answer#* }")" != '{"type":1}' ]; then
    die "$name: a signed PING got '$answer', not 200 {\"type\":1}"
  fi
  signature=$(sed -n 1p "$requests" | cut -f1)
  bad="$([ "${signature:0:1}" = 0 ] && echo 1 || echo 0)${signature:1}"
  answer=$(post 1 "$url" "$bad")
  [ "${answer%% *}" = 401 ] || die "$name: a bad signature got '$answer', not 401"
  answer=$(post 2 "$url")
  if [ "${answer%% *}" != 200 ] || [ "$(jq .type <<<"${answer#* }")" != 4 ]; then
    die "$name: /avatar got '$answer', not an embed"
  fi
  jq -S . <<<"${answer#* }" >"$results/$name-avatar.json"
  log "$name: signed PING → {\"type\":1}, bad signature → 401, /avatar → embed"
}

# wrk_run URL SECONDS [RATE]: prints wrk's BENCH line (paced when RATE is given).
wrk_run() {
  local paced=0 args=("$requests")
  if [ -n "${3:-}" ]; then
    paced=1
    args+=("$3" "$threads")
  fi
  BENCH_PACED=$paced wrk -t"$threads" -c"$connections" -d"$2s" -s benchmarks/interactions.lua "$1" -- "${args[@]}" |
    grep '^BENCH ' || die "wrk gave no summary"
}

# The flags of a variant with the AOT cache placeholders replaced by the caches' paths.
expand() {
  local with_aot=${1//@AOT@/$aot_cache}
  echo "${with_aot//@AOT_C2@/$aot_cache_c2}"
}

# train_aot NAME FLAGS CACHE: a training run under the bench's request mix; the JVM writes the
# AOT cache (JEP 483/514/515) when it exits.
train_aot() {
  log "training the AOT cache $(basename "$3")"
  start_botty "$1" "$2 -XX:AOTCacheOutput=$3"
  sign_requests
  wrk -t1 -c8 -d5s -s benchmarks/interactions.lua "http://127.0.0.1:$botty_port/interactions" -- "$requests" >/dev/null
  stop "$server_pid"
  [ -f "$3" ] || die "no AOT cache was written; see $results/$1.log"
}

# measure_paced NAME URL WARMUP SECONDS: warm-up at the paced rate, then the paced run (p99, RSS
# sampled: the memory of a process that has only seen that load). Sets m_paced_rate, m_p99,
# m_p999, m_rss, m_anon, m_file, m_errors.
measure_paced() {
  local name=$1 url=$2 line sampler
  wrk_run "$url" "$3" "$rate" >/dev/null
  sample_rss "$server_pid" >"$results/$name-rss.txt" &
  sampler=$!
  line=$(wrk_run "$url" "$4" "$rate")
  kill "$sampler"
  wait "$sampler" 2>/dev/null || true
  echo "$line" >"$results/$name-paced.txt"
  m_paced_rate=$(field "$line" rate)
  m_p99=$(field "$line" p99_ms)
  m_p999=$(field "$line" p999_ms)
  m_errors=$(field "$line" errors)
  read -r m_rss m_anon m_file < <(sort -n "$results/$name-rss.txt" | tail -1)
}

# measure NAME URL WARMUP SECONDS: measure_paced, then warm-up and run at full speed. Sets what
# measure_paced sets, and m_rate.
measure() {
  local name=$1 url=$2 line
  measure_paced "$@"
  wrk_run "$url" "$3" >/dev/null
  line=$(wrk_run "$url" "$4")
  echo "$line" >"$results/$name-max.txt"
  m_rate=$(field "$line" rate)
  m_errors=$((m_errors + $(field "$line" errors)))
  log "$name: max $m_rate req/s; at $m_paced_rate req/s p99 $m_p99 ms; RSS $((m_rss / 1024)) MB; errors $m_errors"
}

# median VALUES...: the median (the mean of the middle two for an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f×", a / b }'; }
verdict() { if awk -v a="$1" -v b="$2" "BEGIN { exit !(a $3 b) }"; then echo met; else echo missed; fi; }

# ---------------------------------------------------------------------------------------------

java="$(find_jdk25)" || die "no JDK 25 or newer found (set JAVA_HOME)"
ensure_built
ensure_wrk
ensure_node
command -v jq >/dev/null || die "the checks need jq"
command -v curl >/dev/null || die "the checks need curl"
require_free_ports
new_results ""
requests="$results/requests.tsv"
aot_cache="$results/botty.aot"
aot_cache_c2="$results/botty-c2.aot"
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; true' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "results in $results"

# 1. The AOT caches, trained with the same flags they are used with.
train_aot aot-training "$recommended_flags" "$aot_cache"
train_aot aot-training-c2 "$c2_flags" "$aot_cache_c2"
headline_flags=$(expand "${variant_flags[5]}")

# 2. Headline: botty with the recommended flags, then Node, same requests, same load. The paced
# runs (p99, memory) one endpoint after the other; then, with both running, the full-speed runs
# alternate between them in rounds, so that a change in the machine's other load falls on both
# alike: each round's ratio is taken from two runs side by side, and the medians are reported.
botty_url="http://127.0.0.1:$botty_port/interactions"
node_url="http://127.0.0.1:$node_port/interactions"
start_botty botty "$headline_flags"
botty_pid=$server_pid
trap 'kill "$botty_pid" 2>/dev/null; [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; true' EXIT
# Without -XX:AOTMode=on a cache the JVM cannot use is only a warning: make sure it was used.
if grep -q '\[aot\]' "$results/botty.log"; then
  die "the JVM did not use the AOT cache; see $results/botty.log"
fi
sign_requests
check_endpoint botty "$botty_url"
measure_paced botty "$botty_url" "$warmup" "$duration"
b_paced=$m_paced_rate b_p99=$m_p99 b_p999=$m_p999 b_rss=$m_rss b_anon=$m_anon b_file=$m_file b_errors=$m_errors

# Node answers for the same key (local mode wrote it; sign_requests set $public_key), while botty
# waits idle.
sign_requests
start_node
node_pid=$server_pid
check_endpoint node "$node_url"
cmp -s "$results/botty-avatar.json" "$results/node-avatar.json" ||
  die "botty and Node answer /avatar differently; see $results/*-avatar.json"
log "botty and Node give the same /avatar answer"
measure_paced node "$node_url" "$warmup" "$duration"
n_paced=$m_paced_rate n_p99=$m_p99 n_p999=$m_p999 n_rss=$m_rss n_anon=$m_anon n_file=$m_file n_errors=$m_errors

sign_requests
wrk_run "$botty_url" "$warmup" >/dev/null
wrk_run "$node_url" "$warmup" >/dev/null
round_seconds=$(( (duration + throughput_rounds - 1) / throughput_rounds ))
b_rates=() n_rates=() b_max_p99s=() n_max_p99s=() round_ratios=()
: >"$results/rounds.txt"
for ((r = 1; r <= throughput_rounds; r++)); do
  # Alternate which endpoint goes first.
  order=(botty node)
  [ $((r % 2)) -eq 0 ] && order=(node botty)
  for name in "${order[@]}"; do
    url=$botty_url
    [ "$name" = node ] && url=$node_url
    line=$(wrk_run "$url" "$round_seconds")
    echo "round=$r endpoint=$name $line" >>"$results/rounds.txt"
    if [ "$name" = botty ]; then
      b_rates+=("$(field "$line" rate)") b_max_p99s+=("$(field "$line" p99_ms)")
      b_errors=$((b_errors + $(field "$line" errors)))
    else
      n_rates+=("$(field "$line" rate)") n_max_p99s+=("$(field "$line" p99_ms)")
      n_errors=$((n_errors + $(field "$line" errors)))
    fi
  done
  round_ratios+=("$(awk -v a="${b_rates[-1]}" -v b="${n_rates[-1]}" 'BEGIN { printf "%.4f", a / b }')")
  log "round $r: botty ${b_rates[-1]} req/s, Node ${n_rates[-1]} req/s (${round_ratios[-1]}×)"
done
b_rate=$(median "${b_rates[@]}") n_rate=$(median "${n_rates[@]}")
b_max_p99=$(median "${b_max_p99s[@]}") n_max_p99=$(median "${n_max_p99s[@]}")
rate_ratio=$(median "${round_ratios[@]}")
log "botty: median $b_rate req/s; at $b_paced req/s p99 $b_p99 ms; RSS $((b_rss / 1024)) MB; errors $b_errors"
log "node: median $n_rate req/s; at $n_paced req/s p99 $n_p99 ms; RSS $((n_rss / 1024)) MB; errors $n_errors"
kill "$botty_pid" "$node_pid" 2>/dev/null || true
wait "$botty_pid" "$node_pid" 2>/dev/null || true
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; true' EXIT

# 3. Start to first answered request, every JVM variant and Node, interleaved rounds.
cp "$key_file" "$results/node-signing-key"
node_public_key="$public_key"
probe=("$java" -cp "$sim_jar" benchmarks/StartupProbe.java --port "$botty_port" --rounds "$rounds" --log "$results/starts.log")
for i in "${!variant_names[@]}"; do
  read -ra flags <<<"$(expand "${variant_flags[$i]}")"
  probe+=(--variant "${variant_names[$i]}" --key-file "$key_file" -- "$java" "${flags[@]}" -jar "$api_jar" local)
done
probe+=(--variant node --seed-file "$results/node-signing-key" -- node benchmarks/node/server.js)
log "start times: ${#variant_names[@]} JVM variants and Node, $rounds interleaved rounds"
LOCAL_KEY_FILE="$key_file" MICRONAUT_SERVER_PORT="$botty_port" ENDPOINTS_ALL_PORT="$management_port" \
  PORT="$botty_port" DISCORD_PUBLIC_KEY="$node_public_key" \
  "${probe[@]}" >"$results/starts.txt"
declare -A start_ms start_rss
while read -r line; do
  name=$(field "$line" variant)
  start_ms[$name]=$(field "$line" start_ms)
  start_rss[$name]=$(field "$line" rss_after_start_mb)
done < <(grep '^BENCH ' "$results/starts.txt")

# 4. Each JVM variant under the same load, shorter runs.
declare -A v_rate v_p99 v_rss
for i in "${!variant_names[@]}"; do
  name=${variant_names[$i]}
  start_botty "variant-$name" "$(expand "${variant_flags[$i]}")"
  sign_requests
  measure "variant-$name" "$botty_url" "$variant_warmup" "$variant_duration"
  stop "$server_pid"
  v_rate[$name]=$m_rate v_p99[$name]=$m_p99 v_rss[$name]=$m_rss
done
server_pid=

# 5. One signature verification: botty's verifier, its fixed-key tables alone, BouncyCastle's
# general code and the JDK's own; under the JVM's default JIT and under C1 only, as botty runs.
if [ "$run_jmh" != 0 ]; then
  log "JMH: one Ed25519 verification (default JIT, then C1 only)"
  "$java" -jar "$jmh_jar" SignatureVerification -rf json -rff "$results/jmh.json" >"$results/jmh.txt" 2>&1
  "$java" -jar "$jmh_jar" SignatureVerification -jvmArgsAppend "-XX:TieredStopAtLevel=1" \
    -rf json -rff "$results/jmh-c1.json" >"$results/jmh-c1.txt" 2>&1
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------------------------------------
{
  echo "# botty vs Node: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores, load average $load_before at the start, $load_after at the end."
  echo "$("$java" -version 2>&1 | head -1); Node $(node --version); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo "botty flags: \`${recommended_flags} -XX:AOTCache=botty.aot\`, that is \`$(grep -hv '^[[:space:]]*#' deploy/jvm/jvm.options deploy/jvm/interactions-api.jvm.options | grep -v '^[[:space:]]*$' | tr '\n' ' ')-XX:AOTCache=botty.aot\`"
  echo "Load: wrk -t$threads -c$connections; per endpoint ${warmup} s warm-up then ${duration} s paced at $rate req/s (p99, RSS); then, both running, ${warmup} s warm-up each and $throughput_rounds rounds of ${round_seconds} s at full speed alternating between them (throughput: medians over the rounds)."
  echo
  echo "| | botty | Node | botty / Node | target | |"
  echo "|---|---|---|---|---|---|"
  echo "| throughput, req/s (median of $throughput_rounds rounds; ratio: median of the rounds' ratios) | $b_rate | $n_rate | $(printf '%.2f×' "$rate_ratio") | ≥ 3× | $(verdict "$rate_ratio" 3 '>=') |"
  echo "| p99 at full speed, ms | $b_max_p99 | $n_max_p99 | $(ratio "$b_max_p99" "$n_max_p99") | | |"
  echo "| achieved paced rate, req/s | $b_paced | $n_paced | | | |"
  echo "| p99 at $rate req/s, ms | $b_p99 | $n_p99 | $(ratio "$b_p99" "$n_p99") | ≤ 5 ms | $(verdict "$b_p99" 5 '<=') |"
  echo "| p99.9 at $rate req/s, ms | $b_p999 | $n_p999 | $(ratio "$b_p999" "$n_p999") | | |"
  echo "| peak RSS at $rate req/s, MB | $(mb "$b_rss") | $(mb "$n_rss") | $(ratio "$b_rss" "$n_rss") | ≤ Node | $(verdict "$b_rss" "$n_rss" '<=') |"
  echo "| of which anonymous / file-backed, MB | $(mb "$b_anon") / $(mb "$b_file") | $(mb "$n_anon") / $(mb "$n_file") | | | |"
  echo "| start to first answer, ms (median of $rounds) | ${start_ms[aot-cache]} | ${start_ms[node]} | $(ratio "${start_ms[aot-cache]}" "${start_ms[node]}") | ≤ 1000 ms | $(verdict "${start_ms[aot-cache]}" 1000 '<=') |"
  echo "| RSS right after start, MB | ${start_rss[aot-cache]} | ${start_rss[node]} | $(ratio "${start_rss[aot-cache]}" "${start_rss[node]}") | | |"
  echo "| non-2xx or socket errors | $b_errors | $n_errors | | 0 | |"
  echo
  echo "Full-speed rounds, req/s: botty $(printf '%s ' "${b_rates[@]}")· Node $(printf '%s ' "${n_rates[@]}")· ratios $(printf '%.2f× ' "${round_ratios[@]}")"
  echo
  echo "## JVM variants (the same sequence with ${variant_warmup} s warm-ups and ${variant_duration} s runs; ratios against Node above)"
  echo
  echo "| variant | flags | start, ms | RSS after start, MB | peak RSS at $rate req/s, MB | p99 at $rate req/s, ms | max req/s |"
  echo "|---|---|---|---|---|---|---|"
  for i in "${!variant_names[@]}"; do
    name=${variant_names[$i]}
    echo "| $name | ${variant_notes[$i]} | ${start_ms[$name]} ($(ratio "${start_ms[$name]}" "${start_ms[node]}")) | ${start_rss[$name]} | $(mb "${v_rss[$name]}") ($(ratio "${v_rss[$name]}" "$n_rss")) | ${v_p99[$name]} | ${v_rate[$name]} ($(ratio "${v_rate[$name]}" "$n_rate")) |"
  done
  echo "| node | | ${start_ms[node]} | ${start_rss[node]} | $(mb "$n_rss") | $n_p99 | $n_rate |"
  if [ -f "$results/jmh.json" ] && [ -f "$results/jmh-c1.json" ]; then
    echo
    echo "## One Ed25519 verification (JMH, µs/op ± error, lower is better)"
    echo
    echo "| benchmark | default JIT (C2) | C1 only, as botty runs |"
    echo "|---|---|---|"
    jq -r -s '(.[1] | map({key: .benchmark, value: .primaryMetric}) | from_entries) as $c1
      | .[0][] | "| \(.benchmark | sub(".*\\."; "")) | \(.primaryMetric.score * 100 | round / 100) ± \(.primaryMetric.scoreError * 100 | round / 100) | \($c1[.benchmark].score * 100 | round / 100) ± \($c1[.benchmark].scoreError * 100 | round / 100) |"' \
      "$results/jmh.json" "$results/jmh-c1.json"
  fi
} >"$results/summary.md"
cat "$results/summary.md"
log "details in $results"
