#!/bin/sh
# Lays out what the image's /opt/botty holds for one module, from a built tree: the shaded jar as
# app.jar, the JVM flags (deploy/jvm/jvm.options, then the module's own file when it has one) as
# one jvm.options, and the healthcheck. The Dockerfile's build stage runs it into /out; .ci/image-steps
# runs it on the CI machine, so both start from the same layout.
#
#   layout.sh MODULE OUT_DIR      (from the tree's root, after `mvn package`)
set -eu

module="$1"
out="$2"

mkdir -p "$out"
cp "$module/target/$module.jar" "$out/app.jar"
cp deploy/jvm/jvm.options "$out/jvm.options"
if [ -f "deploy/jvm/$module.jvm.options" ]; then
    cat "deploy/jvm/$module.jvm.options" >>"$out/jvm.options"
fi
cp deploy/docker/healthcheck.sh "$out/healthcheck.sh"
