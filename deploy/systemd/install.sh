#!/usr/bin/env bash
# Installs botty as systemd services on a host without Docker; safe to run again (each step
# checks before it changes anything, and never overwrites an env file you have edited).
#
#   sudo deploy/systemd/install.sh [--dry-run] [--repo URL] [--branch BRANCH] [--java JDK_HOME]
#
#   --dry-run   print what would be done, change nothing (no root needed)
#   --repo      repository to deploy from (default: this checkout's origin remote)
#   --branch    branch to follow (default: main)
#   --java      a JDK 25 home (default: the first JDK 25+ found under /usr/lib/jvm or on PATH)
#
# Layout it creates:
#   user/group botty (system account, home /var/lib/botty)
#   /opt/botty/src    the checkout botty-update fast-forwards and builds (owned by botty)
#   /opt/botty/lib    the installed service jars (owned by botty)
#   /opt/botty/java   link to the JDK the services and the build use
#   /var/lib/botty    state: the voice node's SQLite data, Maven's cache, the deployed commit
#   /etc/botty/*.env  settings, from the templates beside this script (root:botty, 0640)
#   /etc/systemd/system/botty-*.{service,timer}
#
# It then enables botty-update.timer and the services, and starts one update pass, which builds
# and starts them.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
checkout="$(cd "$here/../.." && pwd)"
dry_run=false
repo=""
branch=main
java_home=""

while (($# > 0)); do
    case "$1" in
        --dry-run) dry_run=true ;;
        --repo) repo="$2"; shift ;;
        --branch) branch="$2"; shift ;;
        --java) java_home="$2"; shift ;;
        -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

say() { echo "install: $*"; }
run() {
    if $dry_run; then
        echo "  would run: $*"
    else
        "$@"
    fi
}
as_botty() { run setpriv --reuid=botty --regid=botty --init-groups -- env HOME=/var/lib/botty "$@"; }

if ! $dry_run && [[ "$(id -u)" -ne 0 ]]; then
    echo "install.sh: run as root (or with --dry-run)" >&2
    exit 1
fi

# shellcheck source=tools/find-jdk.sh
. "$checkout/tools/find-jdk.sh"
if [[ -z "$java_home" ]] && java="$(find_jdk25)"; then
    java_home="$(dirname "$(dirname "$(readlink -f "$java")")")"
fi
[[ -n "$java_home" && -x "$java_home/bin/java" ]] || {
    echo "install.sh: no JDK 25 found; install one (for example Temurin 25) or pass --java" >&2
    exit 1
}
[[ -z "$repo" ]] && repo="$(git -C "$checkout" remote get-url origin 2>/dev/null || true)"
if [[ -z "$repo" ]]; then
    $dry_run || { echo "install.sh: no --repo given and this checkout has no origin remote" >&2; exit 1; }
    repo="(no origin remote: pass --repo)"
fi
say "JDK: $java_home; repository: $repo ($branch)"

# User and group.
if getent passwd botty >/dev/null; then
    say "user botty exists"
else
    say "creating system user botty"
    run useradd --system --user-group --home-dir /var/lib/botty --no-create-home \
        --shell /usr/sbin/nologin --comment "botty Discord bot" botty
fi

# Directories.
ensure_dir() { # ensure_dir PATH OWNER MODE
    if [[ -d "$1" && "$(stat -c '%U:%G %a' "$1")" == "$2 $3" ]]; then
        say "$1 ok"
    else
        say "preparing $1 ($2, $3)"
        run install -d -o "${2%%:*}" -g "${2##*:}" -m "$3" "$1"
    fi
}
ensure_dir /opt/botty root:root 755
ensure_dir /opt/botty/lib botty:botty 755
ensure_dir /var/lib/botty botty:botty 750
ensure_dir /var/lib/botty/voice-node botty:botty 750
ensure_dir /etc/botty root:botty 750

# The JDK link.
if [[ "$(readlink /opt/botty/java 2>/dev/null)" == "$java_home" ]]; then
    say "/opt/botty/java → $java_home ok"
else
    say "linking /opt/botty/java → $java_home"
    run ln -sfn "$java_home" /opt/botty/java
fi

# The checkout.
if [[ -d /opt/botty/src/.git ]]; then
    say "/opt/botty/src exists (botty-update keeps it current)"
else
    ensure_dir /opt/botty/src botty:botty 755
    say "cloning $repo ($branch) into /opt/botty/src"
    as_botty git clone --quiet --branch "$branch" "$repo" /opt/botty/src
fi

# Settings: templates only where nothing is there yet.
for name in interactions-api voice-node; do
    target="/etc/botty/$name.env"
    if [[ -f "$target" ]]; then
        say "$target exists; left as it is"
    else
        say "writing $target from the template; fill it in"
        run install -o root -g botty -m 0640 "$here/$name.env.example" "$target"
    fi
done

# Units.
for unit in botty-interactions-api.service botty-voice-node.service botty-update.service botty-update.timer; do
    if cmp -s "$here/$unit" "/etc/systemd/system/$unit"; then
        say "$unit up to date"
    else
        say "installing $unit"
        run install -o root -g root -m 0644 "$here/$unit" "/etc/systemd/system/$unit"
    fi
done
run systemctl daemon-reload

# Enable: the timer, the interactions-api, and the voice node once its module exists.
run systemctl enable --now botty-update.timer
run systemctl enable botty-interactions-api.service
if [[ -f /opt/botty/src/voice-node/pom.xml ]] || $dry_run; then
    run systemctl enable botty-voice-node.service
else
    say "voice-node module not in the checkout yet; botty-voice-node.service left disabled"
fi

# A first pass builds and starts the services (journalctl -u botty-update to follow it).
say "starting an update pass"
run systemctl start --no-block botty-update.service
say "done. Fill in /etc/botty/*.env, then: systemctl restart botty-interactions-api"
