#!/bin/sh
# The container healthcheck: GET /healthz on the service's management port, inside the same
# container, with BusyBox's wget (the image installs BusyBox for it; no JVM, about 2 MB for the
# moment it runs, where the JVM probe it replaced took 64 MB every 30 s). Exit status 0 when it
# answers 2xx. Called as `busybox wget`, so the probe is BusyBox's wherever the script runs (the
# image, the AOT training in the image build, .ci/validate) and never another wget on the PATH.
#
# The port: ENDPOINTS_ALL_PORT when the service was given one, else the module's default
# (BOTTY_MODULE is set by the image): 8090 for the interactions-api, 8091 for the voice node.
# No -T: Docker's HEALTHCHECK --timeout stops a probe that hangs, and Debian's BusyBox 1.35
# crashes on -T, so the script runs alike on every BusyBox.
set -eu
case "${BOTTY_MODULE:-interactions-api}" in
    interactions-api) default_port=8090 ;;
    *) default_port=8091 ;;
esac
exec busybox wget -q -O /dev/null "http://127.0.0.1:${ENDPOINTS_ALL_PORT:-$default_port}/healthz"
