#!/usr/bin/env bash
# Tests deploy/systemd/botty-update as root runs it, against a local bare repository:
#
#   sudo bash deploy/systemd/test/botty-update-test.sh     (root: it creates a throw-away build user)
#
# An "upstream" bare repository and a developer clone that pushes to it; GitHub's check-runs and
# status API served from files by python3's http.server; the updater installed root-owned outside
# every tree the build can write, as install.sh installs it. The build is a small script that
# acts on what the commit says (fail, produce a service that is not healthy, attack its host);
# "restart" makes the health file exist exactly when the current release is a healthy one.
# Checks: a commit that passed CI goes live; pending or failed CI is not deployed; a release that
# fails its health check is rolled back and not tried again; a failed build leaves the running
# release alone; and a build that writes into its tree, or tries to write outside it, changes
# nothing root runs.
set -euo pipefail

if [[ "$(id -u)" -ne 0 ]]; then
    echo "botty-update test: run as root (it checks the privilege separation with a real build user)" >&2
    exit 1
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
builder="bottyupd$$"
server=""
cleanup() {
    [[ -n "$server" ]] && kill "$server" 2>/dev/null
    pkill -KILL -u "$builder" 2>/dev/null || true
    userdel "$builder" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
chmod 0755 "$tmp"

# Git must not depend on the machine's configuration (identity, default branch, hooks).
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.org
unset JOURNAL_STREAM

failures=0
check() { # check DESCRIPTION COMMAND...
    local what="$1"
    shift
    if "$@"; then
        echo "  ok   $what"
    else
        echo "  FAIL $what"
        failures=$((failures + 1))
    fi
}
fails() { ! "$@"; }
count() { if [[ -f "$1" ]]; then wc -l <"$1" | tr -d ' '; else echo 0; fi; }
logged() { grep -qF -- "$1" "$tmp/out"; }

useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$builder"

upstream="$tmp/upstream.git"
dev="$tmp/dev"
install_dir="$tmp/opt-botty"
state="$tmp/state"
build_dir="$tmp/build"
ci="$tmp/ci/repos/owner/botty/commits"
health="$tmp/health/healthz"
builds="$tmp/builds"
restarts="$tmp/restarts"
secret="$tmp/root-only-secret"
updater="$tmp/usr-local-lib/botty-update"

# As install.sh lays it out: the updater root-owned outside any build tree; build_dir root-owned
# with the build user's mirror, work trees and home inside.
install -d -m 0755 "$tmp/usr-local-lib" "$install_dir" "$state" "$tmp/health" "$build_dir"
install -m 0755 "$here/../botty-update" "$updater"
install -d -m 0755 -o "$builder" -g "$builder" "$build_dir/work" "$build_dir/home"
echo "root's secret" >"$secret"
chmod 0600 "$secret"
touch "$builds"
chmod 0666 "$builds"

# The build: reads the commit's README and acts on it.
cat >"$tmp/build.sh" <<EOF
#!/usr/bin/env bash
set -e
echo "\$BOTTY_COMMIT" >>"$builds"
grep -q build-fails README.md && exit 1
if grep -q attack README.md; then
    # Rewrite the updater in its own tree, and try what lies outside it.
    printf '#!/bin/sh\ntouch "$tmp/pwned"\n' >deploy/systemd/botty-update
    echo pwned >>"$updater" 2>/dev/null || true
    mkdir -p "$install_dir/releases/evil" 2>/dev/null || true
    ln -sfn "$install_dir/releases/evil" "$install_dir/current" 2>/dev/null || true
    echo pwned >"$state/failed" 2>/dev/null || true
fi
mkdir -p interactions-api/target
if grep -q symlink README.md; then
    ln -s "$secret" interactions-api/target/interactions-api.jar
    exit 0
fi
{ echo "\$BOTTY_COMMIT"; cat README.md; } >interactions-api/target/interactions-api.jar
EOF
chmod 0755 "$tmp/build.sh"

# GitHub's API, from files.
mkdir -p "$ci"
ci_state() { # ci_state COMMIT passed|pending|failed
    mkdir -p "$ci/$1"
    case "$2" in
        passed) echo '{"total_count":2,"check_runs":[{"name":"Build and test","status":"completed","conclusion":"success"},{"name":"Image (voice-node)","status":"in_progress","conclusion":null}]}' ;;
        pending) echo '{"total_count":1,"check_runs":[{"name":"Build and test","status":"in_progress","conclusion":null}]}' ;;
        failed) echo '{"total_count":1,"check_runs":[{"name":"Build and test","status":"completed","conclusion":"failure"}]}' ;;
    esac >"$ci/$1/check-runs"
    echo '{"state":"pending","total_count":0,"statuses":[]}' >"$ci/$1/status"
}
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$tmp/ci" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

git init --quiet --bare --initial-branch=main "$upstream"
git clone --quiet "$upstream" "$dev" 2>/dev/null
git -C "$dev" checkout --quiet -b main
mkdir -p "$dev/deploy/jvm" "$dev/deploy/systemd"
echo "-Xmx22m" >"$dev/deploy/jvm/jvm.options"
echo "# the updater as the repository has it" >"$dev/deploy/systemd/botty-update"
commit() { # commit TEXT: a new upstream commit whose README says TEXT; prints its id
    echo "$1" >"$dev/README.md"
    git -C "$dev" add -A
    git -C "$dev" commit --quiet -m "$1"
    chown -R root: "$upstream"
    git -C "$dev" push --quiet origin main
    chown -R "$builder:" "$upstream"   # a remote the build user can read
    git -C "$dev" rev-parse HEAD
}

run_update() {
    BOTTY_REPO_URL="$upstream" BOTTY_FOLLOW=branch:main BOTTY_CI=github BOTTY_GITHUB_REPO=owner/botty \
        BOTTY_GITHUB_API="http://127.0.0.1:$port" BOTTY_GITHUB_TOKEN_FILE=/nonexistent \
        BOTTY_BUILD_USER="$builder" BOTTY_BUILD_DIR="$build_dir" BOTTY_BUILD_CMD="$tmp/build.sh" \
        BOTTY_INSTALL="$install_dir" BOTTY_STATE="$state" BOTTY_MODULES="interactions-api voice-node" \
        BOTTY_RESTART_CMD="echo restart >>'$restarts'; if grep -q unhealthy '$install_dir/current/interactions-api.jar'; then rm -f '$health'; else touch '$health'; fi" \
        BOTTY_HEALTH_URLS="file://$health" BOTTY_HEALTH_TIMEOUT=3 BOTTY_KEEP=3 \
        "$updater" >"$tmp/out" 2>&1
}
running() { basename "$(readlink "$install_dir/current")"; }

echo "botty-update against a local bare repository (build user $builder):"

# A first commit that passed CI goes live.
first="$(commit "first")"
ci_state "$first" passed
check "a pass with a commit that passed CI succeeds" run_update
check "it built that commit as the build user" test "$(tail -1 "$builds")" = "$first"
check "current points at its release" test "$(running)" = "$first"
check "the release holds the jar built from it" grep -qx "$first" "$install_dir/current/interactions-api.jar"
check "and the JVM flags of that commit" test "$(cat "$install_dir/current/jvm/jvm.options")" = "-Xmx22m"
check "the release is root's, not the build user's" test "$(stat -c %U "$install_dir/current/interactions-api.jar")" = root
check "it restarted once and found the service healthy" test "$(count "$restarts")" = 1
check "it logged the deploy" logged "deployed ${first:0:12}: healthy"
check "it skipped the module without a jar" test ! -e "$install_dir/current/voice-node.jar"
check "the build's tree is gone" test -z "$(ls -A "$build_dir/work")"

# Nothing new: no build, no restart.
check "a pass without changes succeeds" run_update
check "…saying it is up to date" logged "up to date at ${first:0:12}"
check "…without building or restarting" test "$(count "$builds")-$(count "$restarts")" = "1-1"

# CI pending, then failed: never deployed.
second="$(commit "second")"
ci_state "$second" pending
check "a pass while CI runs succeeds" run_update
check "…waiting for CI" logged "waiting for CI on ${second:0:12}"
check "…and deploys nothing" test "$(running)-$(count "$builds")" = "$first-1"
ci_state "$second" failed
check "a pass after CI failed succeeds" run_update
check "…skipping the failed commit" logged "skipping ${second:0:12}: CI failed"
check "…and deploys nothing" test "$(running)-$(count "$builds")" = "$first-1"

# A newer commit passes: deployed over the failed one.
third="$(commit "third")"
ci_state "$third" passed
check "a commit that passed CI on top of a failed one goes live" run_update
check "…at that commit" test "$(running)" = "$third"
check "…with the previous release kept for a rollback" test "$(basename "$(readlink "$install_dir/previous")")" = "$first"

# A release whose service is not healthy: rolled back, and not tried again.
fourth="$(commit "unhealthy")"
ci_state "$fourth" passed
check "a release that fails its health check fails the pass" fails run_update
check "…rolled back to the release that ran before" test "$(running)" = "$third"
check "…restarting twice (new, then old)" test "$(count "$restarts")" = 4
check "…healthy again" test -e "$health"
check "…saying so in one line" logged "rolled back to ${third:0:12}, healthy again"
check "the next pass does not try it again" run_update
check "…and says why" logged "skipping ${fourth:0:12}: it failed its health check before"
check "…without building it again" test "$(grep -cx "$fourth" "$builds")" = 1

# A failed build: the running release stays, no restart.
fifth="$(commit "build-fails")"
ci_state "$fifth" passed
check "a pass whose build fails reports failure" fails run_update
check "…keeps running the release it had" test "$(running)" = "$third"
check "…without a restart" test "$(count "$restarts")" = 4
check "…saying so" logged "build of ${fifth:0:12} failed; still running ${third:0:12}"

# A build that attacks its host: writes into its tree and tries outside it.
sixth="$(commit "attack")"
ci_state "$sixth" passed
sum_before="$(sha256sum <"$updater")"
run_update || true
check "the installed updater is unchanged" test "$(sha256sum <"$updater")" = "$sum_before"
check "the build could not create a release" test ! -e "$install_dir/releases/evil"
check "nor repoint current (it is that commit's own release)" test "$(running)" = "$sixth"
check "nor touch root's state" fails grep -qx pwned "$state/failed"
check "the next pass runs the installed updater, not the tree's" run_update
check "…so the tree's rewritten script never ran" test ! -e "$tmp/pwned"

# A build that leaves a link to a file only root may read: refused, nothing deployed.
seventh="$(commit "symlink")"
ci_state "$seventh" passed
check "a build that leaves a link instead of a jar fails the pass" fails run_update
check "…nothing of root's file is in any release" fails grep -rq "root's secret" "$install_dir/releases"
check "…and the running release stays" test "$(running)" = "$sixth"

# Old releases are pruned; current and previous stay.
check "at most three releases are kept" test "$(find "$install_dir/releases" -mindepth 1 -maxdepth 1 -type d | wc -l)" -le 3
check "…with current and previous among them" test -d "$(readlink "$install_dir/current")" -a -d "$(readlink "$install_dir/previous")"

if ((failures > 0)); then
    echo "botty-update test: $failures check(s) failed; last output:"
    cat "$tmp/out"
    exit 1
fi
echo "botty-update test: all checks passed"
