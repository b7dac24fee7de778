#!/usr/bin/env bash
# Tests deploy/systemd/botty-update against a local bare repository: an "upstream" bare repo, a
# developer clone that pushes to it, and the deployed checkout the script updates. The build and
# restart commands are replaced by harmless ones that leave a trace, so the test can count them.
#
#   bash deploy/systemd/test/botty-update-test.sh     (no root, no network, no systemd needed)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
update="$here/../botty-update"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

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

upstream="$tmp/upstream.git"
dev="$tmp/dev"
src="$tmp/src"
lib="$tmp/lib"
state="$tmp/state"
builds="$tmp/builds"
restarts="$tmp/restarts"
mkdir -p "$state"

git init --quiet --bare --initial-branch=main "$upstream"
git clone --quiet "$upstream" "$dev" 2>/dev/null
git -C "$dev" checkout --quiet -b main
echo one >"$dev/README.md"
git -C "$dev" add README.md
git -C "$dev" commit --quiet -m "first"
git -C "$dev" push --quiet origin main
git clone --quiet --branch main "$upstream" "$src"

# The "build" writes a jar whose content is the commit it was built from; "restart" leaves a line.
fake_build="echo build >>\"$builds\"; mkdir -p interactions-api/target"
fake_build+="; git rev-parse HEAD >interactions-api/target/interactions-api.jar"
fake_restart="echo restart >>\"$restarts\""
run_update() {
    BOTTY_SRC="$src" BOTTY_LIB="$lib" BOTTY_STATE="$state" BOTTY_RUN_AS="" \
        BOTTY_MODULES="interactions-api voice-node" \
        BOTTY_BUILD_CMD="${BUILD_CMD:-$fake_build}" BOTTY_RESTART_CMD="$fake_restart" \
        "$update" >"$tmp/out" 2>&1
}

echo "botty-update against a local bare repository:"

# Installed and deployed at the first commit.
git -C "$src" rev-parse HEAD >"$state/deployed-commit"
first="$(git -C "$src" rev-parse HEAD)"

# A new commit upstream: fast-forward, build once, install, restart once.
echo two >>"$dev/README.md"
git -C "$dev" commit --quiet -am "second"
git -C "$dev" push --quiet origin main
second="$(git -C "$dev" rev-parse HEAD)"
check "a pass with an upstream change succeeds" run_update
check "it fast-forwarded the checkout to upstream" test "$(git -C "$src" rev-parse HEAD)" = "$second"
check "it logged the fast-forward" grep -q "fast-forwarded ${first:0:12}..${second:0:12}" "$tmp/out"
check "it built exactly once" test "$(count "$builds")" = 1
check "it restarted exactly once" test "$(count "$restarts")" = 1
check "it installed the new jar" test "$(cat "$lib/interactions-api.jar")" = "$second"
check "it skipped the module without a jar" grep -q "no voice-node jar in this build; skipped" "$tmp/out"
check "it recorded the deployed commit" test "$(cat "$state/deployed-commit")" = "$second"

# Nothing new: only a fetch.
check "a pass without changes succeeds" run_update
check "it said there was nothing to do" grep -q "up to date at ${second:0:12}; nothing to do" "$tmp/out"
check "it did not build again" test "$(count "$builds")" = 1
check "it did not restart again" test "$(count "$restarts")" = 1

# A failing build: no restart, deployed commit unchanged, the next pass tries again.
echo three >>"$dev/README.md"
git -C "$dev" commit --quiet -am "third"
git -C "$dev" push --quiet origin main
third="$(git -C "$dev" rev-parse HEAD)"
BUILD_CMD=false check "a pass whose build fails reports failure" fails run_update
check "it did not restart after the failed build" test "$(count "$restarts")" = 1
check "it kept the previous deployed commit" test "$(cat "$state/deployed-commit")" = "$second"
check "the next pass retries and deploys" run_update
check "…restarting once more" test "$(count "$restarts")" = 2
check "…at the new commit" test "$(cat "$state/deployed-commit")" = "$third"

# A diverged checkout (a local commit upstream does not have): refuse, change nothing.
echo local >"$src/LOCAL.md"
git -C "$src" add LOCAL.md
git -C "$src" commit --quiet -m "local change"
echo four >>"$dev/README.md"
git -C "$dev" commit --quiet -am "fourth"
git -C "$dev" push --quiet origin main
diverged="$(git -C "$src" rev-parse HEAD)"
check "a pass on a diverged checkout fails" fails run_update
check "it explained that it only fast-forwards" grep -q "has diverged" "$tmp/out"
check "it left the checkout where it was" test "$(git -C "$src" rev-parse HEAD)" = "$diverged"
check "it neither built nor restarted" test "$(count "$builds")-$(count "$restarts")" = "2-2"

if ((failures > 0)); then
    echo "botty-update test: $failures check(s) failed; last output:"
    cat "$tmp/out"
    exit 1
fi
echo "botty-update test: all checks passed"
