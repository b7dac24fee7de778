#!/bin/sh
# Builds the JDK AOT cache (JEP 483/514) for one module during the image build: runs the service
# once with -XX:AOTCacheOutput, gives it representative work, and stops it; the JVM writes the
# cache on exit. Then checks it: starts the service again as the image's ENTRYPOINT does, with
# -XX:AOTMode=on so a cache the JVM cannot map stops it, and fails the build unless that start is
# healthy, prints no JVM warning and, for the interactions-api, answers a signed PING. At run
# time -XX:AOTCache maps the classes already loaded and linked, which takes the interactions-api
# from about 2.2 s to about 0.8 s to its first answer (docs/benchmarks.md).
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
log="$work/service.log"
simulator="$(ls "$src"/simulator/target/simulator-*-cli.jar)"

probe() {
    BOTTY_MODULE="$module" "$app/healthcheck.sh" >/dev/null 2>&1
}

# fail WHAT: the service's output, the service stopped, and the build failed.
fail() {
    echo "aot-train: $module $1:" >&2
    cat "$log" >&2
    kill -TERM "${pid:-}" 2>/dev/null || true
    exit 1
}

# start PHASE [ARGS]: the service in the background, its output in $log.
#   train   with -XX:AOTCacheOutput. The build container has no memory limit, so MaxRAMPercentage
#           would size the heap from the build host; on a large host that turns compressed oops
#           off, and a cache trained that way is refused by every container with a normal limit.
#           A fixed heap keeps training in the runtime's mode.
#   verify  as the image's ENTRYPOINT starts it (java @jvm.options -XX:AOTCache=app.aot -jar
#           app.jar; .ci/checks.py keeps the Dockerfile's the same), plus -XX:AOTMode=on, and
#           -XX:MaxRAM=1g standing in for a container's limit where the flags set no -Xmx.
start() {
    phase="$1"
    shift
    case "$phase" in
        train) set -- -Xmx1g -XX:AOTCacheOutput="$cache" -jar "$app/app.jar" "$@" ;;
        verify) set -- -XX:MaxRAM=1g -XX:AOTCache="$cache" -XX:AOTMode=on -jar "$app/app.jar" "$@" ;;
    esac
    java "@$app/jvm.options" "$@" >"$log" 2>&1 &
    pid=$!
}

stop() {
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" || true
}

# Waits until the healthcheck passes; fails the build if the service dies or never comes up.
# Generous, because multi-arch builds run the foreign architecture under QEMU.
await_healthy() {
    tries=0
    until probe; do
        kill -0 "$pid" 2>/dev/null || fail "exited before it was healthy ($phase)"
        tries=$((tries + 1))
        [ "$tries" -lt 300 ] || fail "did not become healthy ($phase)"
        sleep 1
    done
}

# serve PHASE: the module started with what it needs to become healthy, and awaited.
# work: what training gives it to do. check: what the verifying start must also answer.
case "$module" in
    interactions-api)
        # Local mode: a generated key, no Discord. The simulator signs interactions with that key
        # exactly as Discord does, so training covers the real path: Netty, signature check, JSON,
        # dispatch, commands (and /ip, refused or unknown: the answer path either way) and the 401
        # for unsigned requests.
        serve() {
            LOCAL_KEY_FILE="$work/signing-key" MICRONAUT_SERVER_PORT=8080 \
                DISCORD_API_URL=http://127.0.0.1:9/api/v10 start "$1" local
            await_healthy
        }
        simulate() {
            java -XX:TieredStopAtLevel=1 -jar "$simulator" --url http://127.0.0.1:8080/interactions \
                --key "$work/signing-key" --discord-port 18091 "$@" >>"$work/simulate.log" 2>&1
        }
        work() {
            for _ in 1 2 3; do
                simulate ping || true
                simulate /avatar user:80351110224678912 || true
                simulate /avatar server:true || true
                simulate --dm /ip || true
                probe || true
            done
        }
        check() {
            simulate ping || { cat "$work/simulate.log" >&2; fail "did not answer a signed PING"; }
        }
        ;;
    voice-node)
        # The simulated world of local mode (Discord's REST API and gateway, Lavalink): the node
        # logs in, connects to Lavalink and serves, as it does in production. One world for both
        # starts; the second resumes the Lavalink session the first kept.
        java -XX:TieredStopAtLevel=1 -jar "$simulator" world --discord-port 18089 --env-file "$work/world.env" \
            >"$work/world.log" 2>&1 &
        world=$!
        trap 'kill -TERM "$world" 2>/dev/null || true' EXIT
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
        serve() {
            VOICE_NODE_SECRET=aot-training-only-secret-0123456789abcdef DATA_DIR="$work/data" \
                MICRONAUT_SERVER_PORT=8081 ENDPOINTS_ALL_PORT=8091 start "$1"
            await_healthy
        }
        work() { sleep 5; }
        check() { :; }
        ;;
    *)
        # No training script for this module yet: start it with no configuration and stop it
        # after a while. Startup and configuration classes are still worth caching; give the
        # module its own branch above to train on real work. Its verifying start is given the
        # same while, and only the cache and the warnings are checked.
        serve() {
            start "$1"
            sleep 20
        }
        work() { :; }
        check() { :; }
        ;;
esac

phase=train
serve train
work
stop
[ -s "$cache" ] || fail "wrote no AOT cache"

phase=verify
serve verify
check
if grep -q 'Unable to use AOT cache' "$log"; then
    fail "could not start from its AOT cache"
fi
# The JVM warns about what it cannot do with the image's flags (a flag without effect on this
# platform, a cache it cannot use, a restricted method): none may appear.
if grep -E '^\[[^]]*\]\[warning\]|VM warning:|^WARNING: ' "$log" >&2; then
    fail "started from its cache with a JVM warning (above)"
fi
stop

rm -rf "$work"
echo "aot-train: $cache ($(du -h "$cache" | cut -f1)) written for $module, and a start from it checked"
