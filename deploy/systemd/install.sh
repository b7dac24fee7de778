#!/usr/bin/env bash
# Installs botty as systemd services on a host without Docker; safe to run again (each step
# checks before it changes anything, and never overwrites settings or credentials you have edited).
# Run it again to take a new version of the units or of the updater itself: botty-update never
# replaces what root runs.
#
#   sudo deploy/systemd/install.sh [--dry-run] [--repo URL] [--follow branch:NAME|tag:GLOB] [--java JDK_HOME]
#
#   --dry-run   print what would be done, change nothing (no root needed)
#   --repo      repository to deploy from (default: this checkout's origin remote)
#   --follow    what the updater deploys (default: branch:main)
#   --java      a JDK 25 home (default: the first JDK 25+ found under /usr/lib/jvm or on PATH)
#
# Layout it creates:
#   users botty (runs the services) and botty-build (runs git and the build), system accounts
#   /usr/local/lib/botty/botty-update  the updater, root-owned: the only code root runs
#   /opt/botty/releases/<commit>       root-owned releases (jars and JVM flags) the updater builds
#   /opt/botty/current, previous       links to the running and the previous release
#   /opt/botty/java                    link to the JDK the services and the build use
#   /var/lib/botty-build               root-owned; the build user's mirror.git, work/ and home/ (Maven)
#   /var/lib/botty-update              the updater's own state (root only)
#   /var/lib/botty                     the services' state, including the voice node's SQLite data
#   /etc/botty/*.env                   settings, from the templates beside this script
#   /etc/botty/credentials/*           secrets (root only, 0600), passed with LoadCredential=
#   /etc/systemd/system/botty-*.{service,timer}
#
# It then enables botty-update.timer and the services, and starts one update pass, which builds
# the newest commit that passed CI and starts the services on it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
checkout="$(cd "$here/../.." && pwd)"
dry_run=false
repo=""
follow=branch:main
java_home=""

while (($# > 0)); do
    case "$1" in
        --dry-run) dry_run=true ;;
        --repo) repo="$2"; shift ;;
        --follow) follow="$2"; shift ;;
        --java) java_home="$2"; shift ;;
        -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
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
say "JDK: $java_home; repository: $repo ($follow)"

# Users: one runs the services, one runs git and the build; neither can write what root runs.
for user in botty botty-build; do
    if getent passwd "$user" >/dev/null; then
        say "user $user exists"
    else
        say "creating system user $user"
        run useradd --system --user-group --home-dir "/var/lib/$user" --no-create-home \
            --shell /usr/sbin/nologin --comment "botty ($user)" "$user"
    fi
done

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
ensure_dir /opt/botty/releases root:root 755
ensure_dir /usr/local/lib/botty root:root 755
ensure_dir /var/lib/botty-update root:root 700
ensure_dir /var/lib/botty-build root:root 755
# Readable by root (which copies the build's output) without any capability beyond the bounding
# set of botty-update.service: the build user's directories are 0755.
for dir in mirror.git work home; do
    ensure_dir "/var/lib/botty-build/$dir" botty-build:botty-build 755
done
ensure_dir /var/lib/botty botty:botty 750
ensure_dir /var/lib/botty/voice-node botty:botty 750
ensure_dir /etc/botty root:botty 750
ensure_dir /etc/botty/credentials root:root 700

# The JDK link.
if [[ "$(readlink /opt/botty/java 2>/dev/null)" == "$java_home" ]]; then
    say "/opt/botty/java → $java_home ok"
else
    say "linking /opt/botty/java → $java_home"
    run ln -sfn "$java_home" /opt/botty/java
fi

# The updater: a root-owned copy, outside every tree the build can write.
if cmp -s "$here/botty-update" /usr/local/lib/botty/botty-update; then
    say "/usr/local/lib/botty/botty-update up to date"
else
    say "installing /usr/local/lib/botty/botty-update"
    run install -o root -g root -m 0755 "$here/botty-update" /usr/local/lib/botty/botty-update
fi
if [[ -d /opt/botty/src ]]; then
    say "/opt/botty/src is from an earlier layout and no longer used; remove it when you like"
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
if [[ -f /etc/botty/update.env ]]; then
    say "/etc/botty/update.env exists; left as it is"
else
    say "writing /etc/botty/update.env (BOTTY_REPO_URL=$repo, BOTTY_FOLLOW=$follow)"
    github="$(sed -nE 's#.*github\.com[:/]([^/]+/[^/]+)$#\1#p' <<<"$repo")"
    if $dry_run; then
        echo "  would write /etc/botty/update.env from $here/update.env.example"
    else
        sed -e "s#^BOTTY_REPO_URL=.*#BOTTY_REPO_URL=$repo#" -e "s#^BOTTY_FOLLOW=.*#BOTTY_FOLLOW=$follow#" \
            -e "s#^BOTTY_GITHUB_REPO=.*#BOTTY_GITHUB_REPO=${github%.git}#" "$here/update.env.example" >/etc/botty/update.env
        chmod 0644 /etc/botty/update.env
    fi
fi

# Credentials: empty files to fill in (an empty file counts as not set), never overwritten.
for credential in discord-bot-token voice-node-secret lavalink-password; do
    target="/etc/botty/credentials/$credential"
    if [[ -f "$target" ]]; then
        say "$target exists; left as it is"
    else
        say "creating $target (empty, 0600); fill it in"
        run install -o root -g root -m 0600 /dev/null "$target"
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

# Enable: the timer and both services (they start once a release exists).
run systemctl enable --now botty-update.timer
run systemctl enable botty-interactions-api.service botty-voice-node.service

# A first pass builds and starts the services (journalctl -u botty-update -f to follow it).
say "starting an update pass"
run systemctl start --no-block botty-update.service
say "done. Fill in /etc/botty/*.env and /etc/botty/credentials/*, then: systemctl restart botty-interactions-api botty-voice-node"
