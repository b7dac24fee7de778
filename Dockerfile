# syntax=docker/dockerfile:1
# One image recipe for every service module; MODULE picks which one:
#
#   docker build --build-arg MODULE=interactions-api -t botty-interactions-api .
#   docker build --build-arg MODULE=voice-node       -t botty-voice-node .
#
# The module's shaded jar must be <module>/target/<module>.jar. `COPY --parents` needs the
# Dockerfile frontend 1.20 or newer, which the syntax line above pulls.

# ---------------------------------------------------------------------------------------------
# Build: Maven on JDK 25, the same Maven version the wrapper pins (.mvn/wrapper), so the image
# builds exactly what ./mvnw builds.
FROM maven:3.9.16-eclipse-temurin-25-noble AS build
ARG MODULE=interactions-api
WORKDIR /build

# Dependencies first, from the poms alone: this layer is rebuilt only when a pom changes. Maven's
# repository is a BuildKit cache mount, so even a rebuilt layer takes what an earlier build
# downloaded from the build host's cache instead of Maven Central. go-offline misses a few
# annotation-processor jars; the package step fetches those (a few MB).
COPY .mvn/ .mvn/
COPY --parents pom.xml */pom.xml ./
RUN --mount=type=cache,id=botty-m2,target=/root/.m2,sharing=locked \
    mvn -B -ntp -pl "${MODULE}" -am \
        org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline

# Sources (.dockerignore leaves out tests, docs and everything else). The tests ran in CI before
# any image is built (.github/workflows/ci.yml: the images job needs the test job).
COPY . .
RUN --mount=type=cache,id=botty-m2,target=/root/.m2,sharing=locked \
    mvn -B -ntp -pl "${MODULE}" -am -Dmaven.test.skip=true package \
 && sh deploy/docker/layout.sh "${MODULE}" /out

# ---------------------------------------------------------------------------------------------
# Runtime: Temurin's JRE 25 on Ubuntu 24.04 (glibc). Chosen over a jlink-built runtime because
# the module set a shaded jar needs (Netty, JDA, SQLite, logging, JMX for metrics) is found only at
# run time when it is wrong, and Temurin's image is patched upstream and built for amd64 and arm64.
# glibc rather than Alpine's musl: Netty's epoll transport (7 % more interactions per CPU second)
# is built against glibc only, the JVM trims its native heap (-XX:TrimNativeHeapInterval in
# deploy/jvm) only on glibc, and glibc is what docs/benchmarks.md measures, so the image runs what
# the figures describe. The build stage is the same Ubuntu.
FROM eclipse-temurin:25.0.4_7-jre-noble AS runtime
ARG MODULE=interactions-api
ARG VERSION=dev
ARG REVISION=unknown
ARG CREATED=""
ARG SOURCE=""
ARG LICENSES=MIT

LABEL org.opencontainers.image.title="botty-${MODULE}" \
      org.opencontainers.image.description="botty ${MODULE}: a Discord bot service" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="${LICENSES}"

# BusyBox (one static binary, no other packages) for the healthcheck's wget and an occasional
# `docker exec`; Temurin's Ubuntu image has neither wget nor curl. A fixed uid/gid so a named
# volume keeps its ownership across image versions.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends busybox-static \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 10001 botty \
 && useradd --uid 10001 --gid botty --home-dir /opt/botty --no-create-home \
        --shell /usr/sbin/nologin botty \
 && mkdir -p /data \
 && chown botty:botty /data

WORKDIR /opt/botty
COPY --from=build /out/ ./

# AOT cache (JDK 25, JEP 483/514): a training run of the real jar on this very JRE, so the cache
# matches the runtime that maps it, then a start from the cache with the ENTRYPOINT's command
# below (plus -XX:AOTMode=on and a stand-in memory limit), which fails the build unless it maps
# the cache and is healthy. The build tree is mounted, not copied: the simulator jar that
# signs training requests never lands in the image.
RUN --mount=type=bind,from=build,source=/build,target=/build \
    sh /build/deploy/docker/aot-train.sh "${MODULE}" /opt/botty /build

ENV BOTTY_MODULE=${MODULE}
USER 10001:10001

# Probes the service from inside the container (deploy/docker/healthcheck.sh): GET /healthz on
# the management port with BusyBox's wget, no JVM. --start-interval needs Docker Engine 25+.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --start-interval=2s --retries=3 \
    CMD ["/opt/botty/healthcheck.sh"]

# Exec form: java is PID 1 and gets SIGTERM directly (Micronaut shuts down gracefully).
# Extra JVM flags: JAVA_TOOL_OPTIONS. Arguments: appended (`serve` is the interactions-api default).
ENTRYPOINT ["java", "@/opt/botty/jvm.options", "-XX:AOTCache=/opt/botty/app.aot", "-jar", "/opt/botty/app.jar"]
