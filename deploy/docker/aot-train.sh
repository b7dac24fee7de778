#!/bin/sh
# Builds the JDK AOT cache (JEP 483/514) for one module during the image build: runs the service
# once with -XX:AOTCacheOutput, gives it representative work, and stops it; the JVM writes the
# cache on exit. At run time -XX:AOTCache maps the classes already loaded and linked, which takes
# the interactions-api from about 2.2 s to about 0.8 s to its first answer (docs/benchmarks.md).
#
#   aot-train.sh MODULE APP_DIR SOURCE_DIR
#     MODULE      interactions-api | voice-node | …
#     APP_DIR     where app.jar, jvm.options and healthcheck.sh are; app.aot is written there
#     SOURCE_DIR  the build stage's tree (the simulator jar signs the training interactions)
#
# Runs under the runtime image's /bin/sh (dash on Ubuntu): POSIX sh only. .ci/image-steps runs it
# on the CI machine after the tests, the way the image build does.
set -eu

module="$1"
app="$2"
src="$3"
cache="$app/app.aot"
work="$(mktemp -d)"
log="$work/training.log"

probe() {
    BOTTY_MODULE="$module" "$app/healthcheck.sh" >/dev/null 2>&1
}

# The build container has no memory limit, so MaxRAMPercentage would size the heap from the build
# host; on a large host that turns compressed oops off, and a cache trained that way is refused
# by every container with a normal limit. A fixed heap keeps training in the runtime's mode.
start() {
    java "@$app/jvm.options" -Xmx1g -XX:AOTCacheOutput="$cache" -jar "$app/app.jar" "$@" >"$log" 2>&1 &
    pid=$!
}

# Waits until the healthcheck passes; fails the build if the service dies or never comes up.
# Generous, because multi-arch builds run the foreign architecture under QEMU.
await_healthy() {
    tries=0
    until probe; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "aot-train: $module exited during training:" >&2
            cat "$log" >&2
            exit 1
        fi
        tries=$((tries + 1))
        if [ "$tries" -ge 300 ]; then
            echo "aot-train: $module did not become healthy:" >&2
            cat "$log" >&2
            exit 1
        fi
        sleep 1
    done
}

case "$module" in
    interactions-api)
        # Local mode: a generated key, no Discord. The simulator signs interactions with that key
        # exactly as Discord does, so training covers the real path: Netty, signature check, JSON,
        # dispatch, commands (and /ip, refused or unknown: the answer path either way) and the 401
        # for unsigned requests.
        LOCAL_KEY_FILE="$work/signing-key" MICRONAUT_SERVER_PORT=8080 \
            DISCORD_API_URL=http://127.0.0.1:9/api/v10 start local
        await_healthy
        simulator="$(ls "$src"/simulator/target/simulator-*-cli.jar)"
        simulate() {
            java -XX:TieredStopAtLevel=1 -jar "$simulator" --url http://127.0.0.1:8080/interactions \
                --key "$work/signing-key" --discord-port 18091 "$@" >>"$work/simulate.log" 2>&1 || true
        }
        for _ in 1 2 3; do
            simulate ping
            simulate /avatar user:80351110224678912
            simulate /avatar server:true
            simulate --dm /ip
            probe || true
        done
        ;;
    voice-node)
        # The simulated world of local mode (Discord's REST API and gateway, Lavalink): the node
        # logs in, connects to Lavalink and serves, as it does in production.
        simulator="$(ls "$src"/simulator/target/simulator-*-cli.jar)"
        java -XX:TieredStopAtLevel=1 -jar "$simulator" world --discord-port 18089 --env-file "$work/world.env" \
            >"$work/world.log" 2>&1 &
        world=$!
        tries=0
        until [ -s "$work/world.env" ]; do
            tries=$((tries + 1))
            if [ "$tries" -ge 120 ] || ! kill -0 "$world" 2>/dev/null; then
                echo "aot-train: the simulated world did not start:" >&2
                cat "$work/world.log" >&2
                exit 1
            fi
            sleep 1
        done
        set -a
        # shellcheck disable=SC1091
        . "$work/world.env"
        set +a
        VOICE_NODE_SECRET=aot-training-only-secret-0123456789abcdef DATA_DIR="$work/data" \
            MICRONAUT_SERVER_PORT=8081 ENDPOINTS_ALL_PORT=8091 start
        await_healthy
        sleep 5
        kill -TERM "$world" 2>/dev/null || true
        ;;
    *)
        # No training script for this module yet: start it with no configuration and stop it
        # after a while. Startup and configuration classes are still worth caching; give the
        # module its own branch above to train on real work.
        start
        sleep 20
        ;;
esac

kill -TERM "$pid" 2>/dev/null || true
wait "$pid" || true
if [ ! -s "$cache" ]; then
    echo "aot-train: no AOT cache was written for $module:" >&2
    cat "$log" >&2
    exit 1
fi
rm -rf "$work"
echo "aot-train: $cache ($(du -h "$cache" | cut -f1)) written for $module"
