# shellcheck shell=bash
# Sourced by botty's scripts (./botty, benchmarks/, .ci/validate, deploy/systemd/install.sh): finds a
# JDK 25 or newer without any setup — JAVA_HOME first, then every JDK under /usr/lib/jvm, then
# the java on PATH (the machines' default java is 17; a JDK 25 sits beside it).
#
#   java="$(find_jdk25)" || { echo "no JDK 25" >&2; exit 1; }

# java_major JAVA: the Java specification version of that java binary (17, 21, 25, …).
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

# find_jdk25: prints the path of the first java binary of version 25 or newer; fails otherwise.
find_jdk25() {
  local candidate
  for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    [ -x "$candidate" ] || continue
    if [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
