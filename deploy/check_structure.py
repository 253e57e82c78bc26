#!/usr/bin/env python3
"""Structural checks of deploy/ that need only Python and PyYAML; called by check.sh.

Prints one "ok …" or "FAIL …" line per check (check.sh counts them) and exits non-zero on any
failure. The one list of deployables is the launcher's registry
(launcher/authorworks-launcher/src/main/resources/deployables.properties): compose, Kubernetes
and Prometheus must each name exactly those deployables, with the port, database role, service
client, start order and environment the registry gives them.
"""

import glob
import ipaddress
import json
import os
import re
import sys

import yaml

DEPLOY = os.path.dirname(os.path.abspath(__file__))
REGISTRY = os.path.join(DEPLOY, "..", "launcher", "authorworks-launcher", "src", "main", "resources",
                        "deployables.properties")
failures = 0

# Variable names that hold secrets: these may never get a non-empty default in a committed file.
SECRET_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE")

# What a deployable is follows from where its jar is built: the folders of the repository layout.
KIND_BY_FOLDER = {"gateway": "gateway", "services": "service", "workers": "worker"}

# Variables the launcher gives every deployable (docs/configuration.md, "Shared by every service
# and worker"); SERVER_PORT and the database settings are checked on their own.
SHARED_ENV = ("REDIS_URL", "RABBITMQ_URL", "OIDC_ISSUER", "OIDC_JWKS_URI", "OIDC_TOKEN_URI", "LOG_FORMAT")

# A name that reads like a deployable's (content-service, media-worker, api-gateway), in a file or
# as a variable prefix (CONTENT_SERVICE_URL); anything such must be in the registry.
DEPLOYABLE_LIKE = re.compile(r"(?<![A-Za-z0-9-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:service|worker|gateway)(?![a-z0-9-])")
DEPLOYABLE_LIKE_VAR = re.compile(r"(?<![A-Za-z0-9_])([A-Z][A-Z0-9]*?)_(SERVICE|WORKER)(?=_)")
# Words that only look like deployable names.
NOT_DEPLOYABLES = {"service-to-service", "services-from-gateway"}


def check(description, problems):
    """Report one check; `problems` is a list of strings, empty when the check passes."""
    global failures
    if problems:
        failures += 1
        print(f"FAIL {description}")
        for problem in problems[:20]:
            print(f"       - {problem}")
    else:
        print(f"ok   {description}")


def load(path):
    with open(os.path.join(DEPLOY, path)) as f:
        return yaml.safe_load(f)


def load_all(path):
    with open(os.path.join(DEPLOY, path)) as f:
        return [d for d in yaml.safe_load_all(f) if d]


def read_properties(path):
    """The subset of java.util.Properties the registry uses: one key=value per line, # comments."""
    properties = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith(("#", "!")):
                continue
            if line.endswith("\\"):
                raise ValueError(f"{path}:{number}: continued lines are not supported here")
            match = re.match(r"([^=:\s]+)\s*[=:]\s*(.*)$", line)
            if not match:
                raise ValueError(f"{path}:{number}: not key=value: {line}")
            properties[match.group(1)] = match.group(2).strip()
    return properties


def deployables():
    """The launcher's registry as a list of dicts, in file order of first appearance."""
    rows = {}
    for key, value in read_properties(REGISTRY).items():
        name, _, attribute = key.partition(".")
        if name == "platform":
            continue
        row = rows.setdefault(name, {"name": name, "env": set(), "scopes": [], "after": [], "schema": None,
                                     "uses": None, "mail": False})
        if attribute.startswith("env."):
            row["env"].add(attribute[len("env."):])
        elif attribute == "port":
            row["port"] = value
        elif attribute == "schema":
            row["schema"] = value or None
        elif attribute == "uses":
            row["uses"] = value or None
        elif attribute == "scopes":
            row["scopes"] = value.split()
        elif attribute in ("after", "migrated-by"):
            # Compose has no memory of earlier starts: it always waits for both kinds.
            row["after"] += [a for a in re.split(r"\s*,\s*", value) if a]
        elif attribute == "mail":
            row["mail"] = value.lower() == "true"
        elif attribute == "jar":
            row["jar"] = value
            folder = value.split("/")[0]
            if folder not in KIND_BY_FOLDER:
                raise ValueError(f"{name}: jar {value} is not under {', '.join(KIND_BY_FOLDER)}/")
            row["kind"] = KIND_BY_FOLDER[folder]
    for row in rows.values():
        # A schema's owner logs in as the schema's role; a deployable using another's schema has
        # a role named after itself, which owns nothing.
        row["role"] = row["schema"] or (row["uses"] and row["name"].replace("-", "_"))
        for required in ("jar", "port"):
            if required not in row:
                raise ValueError(f"registry: {row['name']} has no {required}")
    return list(rows.values())


def env_stem(name):
    """content-service -> CONTENT_SERVICE, as the launcher and the variables spell it."""
    return name.upper().replace("-", "_")


def check_parse():
    problems = []
    files = sorted(glob.glob(os.path.join(DEPLOY, "**", "*.y*ml"), recursive=True))
    for path in files:
        try:
            with open(path) as f:
                list(yaml.safe_load_all(f))
        except yaml.YAMLError as e:
            problems.append(f"{os.path.relpath(path, DEPLOY)}: {e}")
    check(f"{len(files)} YAML files parse", problems)

    problems = []
    files = sorted(glob.glob(os.path.join(DEPLOY, "**", "*.json"), recursive=True))
    for path in files:
        try:
            with open(path) as f:
                json.load(f)
        except ValueError as e:
            problems.append(f"{os.path.relpath(path, DEPLOY)}: {e}")
    check(f"{len(files)} JSON files parse", problems)


def check_names(rows):
    """No asset names a deployable the registry does not have."""
    known = {r["name"] for r in rows}
    problems = []
    paths = []
    for folder in ("compose", "k8s", "prometheus", "grafana", "promtail", "loki", "docker"):
        for path in sorted(glob.glob(os.path.join(DEPLOY, folder, "**", "*"), recursive=True)):
            if os.path.isfile(path) and not path.endswith(".md"):
                paths.append(path)
    paths.append(os.path.join(DEPLOY, "compose", ".env.example"))
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        found = set(DEPLOYABLE_LIKE.findall(text))
        found |= {f"{prefix}-{suffix}".lower() for prefix, suffix in DEPLOYABLE_LIKE_VAR.findall(text)}
        for name in sorted(found - known - NOT_DEPLOYABLES):
            problems.append(f"{os.path.relpath(path, DEPLOY)} names {name}, which is not in the registry")
    check(f"compose, k8s, prometheus and grafana name only the registry's {len(known)} deployables", problems)


def compose_deployables(services):
    """Compose services that run an AuthorWorks image, by name."""
    return {name: service for name, service in services.items()
            if re.match(r"^\$\{AUTHORWORKS_IMAGE_PREFIX:-ghcr.io/authorworks\}/", service.get("image", ""))}


def check_compose(rows):
    compose = load("compose/compose.yaml")
    build = load("compose/compose.build.yaml")
    services = compose["services"]
    with open(os.path.join(DEPLOY, "compose/compose.yaml")) as f:
        # Comments may mention ${VAR:?…} as an example; only real values count.
        text = "".join(line for line in f if not line.lstrip().startswith("#"))

    names = {r["name"] for r in rows}
    ours = compose_deployables(services)
    problems = [f"{name} runs an AuthorWorks image but is not in the registry" for name in sorted(set(ours) - names)]
    problems += [f"{name} is built in compose.build.yaml but is not in the registry"
                 for name in sorted(set(build.get("services", {})) - names)]
    for row in rows:
        name = row["name"]
        service = services.get(name)
        if service is None:
            problems.append(f"{name} missing from compose.yaml")
            continue
        if not service.get("image", "").endswith(f"/{name}:${{AUTHORWORKS_VERSION:-latest}}"):
            problems.append(f"{name}: image is not …/{name}:${{AUTHORWORKS_VERSION:-latest}}")
        env = service.get("environment", {})
        if str(env.get("SERVER_PORT")) != row["port"]:
            problems.append(f"{name}: SERVER_PORT should be {row['port']}, the registry's port")
        for var in SHARED_ENV:
            if var not in env:
                problems.append(f"{name}: {var} missing (every deployable gets it)")
        if row["role"]:
            if env.get("DATABASE_USERNAME") != row["role"]:
                problems.append(f"{name}: DATABASE_USERNAME should be {row['role']}")
            if not str(env.get("DATABASE_PASSWORD", "")).startswith(f"${{{row['role'].upper()}_DB_PASSWORD:?"):
                problems.append(f"{name}: DATABASE_PASSWORD should be ${{{row['role'].upper()}_DB_PASSWORD:?…}}")
        elif "DATABASE_USERNAME" in env:
            problems.append(f"{name}: has a database role, but the registry gives it no schema")
        for user in rows:
            if row["schema"] and user["uses"] == row["schema"]:
                if env.get(f"{env_stem(user['name'])}_DATABASE_ROLE") != user["role"]:
                    problems.append(f"{name}: {env_stem(user['name'])}_DATABASE_ROLE should be {user['role']} "
                                    f"(its migrations grant that role)")
        for var in sorted(row["env"] - set(env)):
            problems.append(f"{name}: {var} missing (the registry gives it)")
        if row["mail"] and "MAIL_HOST" not in env:
            problems.append(f"{name}: sends mail but has no MAIL_HOST")
        if row["scopes"]:
            if env.get("SERVICE_CLIENT_ID") != name:
                problems.append(f"{name}: SERVICE_CLIENT_ID should be {name}")
            if not str(env.get("SERVICE_CLIENT_SECRET", "")).startswith(f"${{{env_stem(name)}_CLIENT_SECRET:?"):
                problems.append(f"{name}: SERVICE_CLIENT_SECRET should be ${{{env_stem(name)}_CLIENT_SECRET:?…}}")
        elif "SERVICE_CLIENT_ID" in env:
            problems.append(f"{name}: has a service client, but the registry gives it no scopes")
        depends = service.get("depends_on", {})
        for before in row["after"]:
            if not isinstance(depends, dict) or depends.get(before, {}).get("condition") != "service_healthy":
                problems.append(f"{name}: should wait for {before} to be healthy (registry: after)")
        if "healthcheck" not in service:
            problems.append(f"{name}: no healthcheck")
        built = build.get("services", {}).get(name)
        if built is None:
            problems.append(f"{name} missing from compose.build.yaml")
        elif built["build"]["args"]["JAR_FILE"] != row["jar"]:
            problems.append(f"{name}: compose.build.yaml builds {built['build']['args']['JAR_FILE']}, "
                            f"the registry's jar is {row['jar']}")
    check("compose runs exactly the registry's deployables (image, port, role, client, order, env, build)",
          problems)

    problems = []
    user_service = services.get("user-service", {}).get("environment", {})
    clients = {}
    for entry in str(user_service.get("SERVICE_CLIENTS", "")).split(","):
        parts = entry.strip().split(":")
        if len(parts) >= 3:
            # id:${VAR:?message}:scope scope… — the secret reference itself holds a colon.
            clients[parts[0]] = sorted(parts[-1].split())
    expected = {r["name"]: sorted(r["scopes"]) for r in rows if r["scopes"]}
    if clients != expected:
        problems.append(f"SERVICE_CLIENTS has {clients}, the registry's scopes are {expected}")
    schemas = sorted({r["schema"] for r in rows if r["schema"]})
    roles = sorted({r["role"] for r in rows if r["role"]})
    postgres = services.get("postgres", {}).get("environment", {})
    passwords = sorted(k[: -len("_DB_PASSWORD")].lower() for k in postgres if k.endswith("_DB_PASSWORD"))
    if passwords != roles:
        problems.append(f"postgres gets passwords for roles {passwords}, the registry's are {roles}")
    with open(os.path.join(DEPLOY, "compose/postgres/init-schemas.sh")) as f:
        script = f.read()
    loop = re.search(r"^for schema in ([a-z_ ]+); do", script, re.M)
    if not loop or sorted(loop.group(1).split()) != schemas:
        problems.append(f"init-schemas.sh does not create exactly the schemas {schemas}")
    users = sorted(f"{r['role']}:{r['uses']}" for r in rows if r["uses"])
    loop = re.search(r"^for user in ([a-z_: ]*); do", script, re.M)
    if not loop or sorted(loop.group(1).split()) != users:
        problems.append(f"init-schemas.sh does not create exactly the roles (role:schema) {users}")
    edge = services.get("nginx", {}).get("environment", {})
    gateway = next(r for r in rows if r["kind"] == "gateway")
    if edge.get("GATEWAY_UPSTREAMS") != f"{gateway['name']}:{gateway['port']}":
        problems.append(f"the edge's GATEWAY_UPSTREAMS is not {gateway['name']}:{gateway['port']}")
    check("compose: service clients, database schemas and the edge's upstream follow the registry", problems)

    problems = []
    for name, service in services.items():
        depends = service.get("depends_on", {})
        for target, condition in (depends.items() if isinstance(depends, dict) else []):
            if target not in services:
                problems.append(f"{name} depends on unknown service {target}")
            elif condition.get("condition") == "service_healthy" and "healthcheck" not in services[target]:
                problems.append(f"{name} waits for {target} to be healthy, but it has no healthcheck")
        for network in service.get("networks", []):
            if network not in compose.get("networks", {}):
                problems.append(f"{name} uses undeclared network {network}")
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if not source.startswith((".", "/", "$")) and source not in compose.get("volumes", {}):
                problems.append(f"{name} uses undeclared volume {source}")
            if source.startswith(".") and not os.path.exists(os.path.join(DEPLOY, "compose", source)):
                problems.append(f"{name} mounts missing path {source}")
    check("compose dependencies, networks, volumes and mounted files exist", problems)

    problems = []
    with open(os.path.join(DEPLOY, "compose/.env.example")) as f:
        documented = {line.split("=")[0] for line in f if re.match(r"^[A-Z0-9_]+=", line)}
    required = set(re.findall(r"\$\{([A-Z0-9_]+):\?", text))
    for var in sorted(required - documented):
        problems.append(f"{var} is required but not in .env.example")
    for var, default in re.findall(r"\$\{([A-Z0-9_]+):-([^}]*)\}", text):
        if SECRET_NAME.search(var) and default:
            problems.append(f"secret {var} has a default")
    with open(os.path.join(DEPLOY, "compose/.env.example")) as f:
        for line in f:
            m = re.match(r"^([A-Z0-9_]+)=(.*)$", line.strip())
            if m and SECRET_NAME.search(m.group(1)) and m.group(2):
                problems.append(f".env.example gives secret {m.group(1)} a value")
    check(f"compose: {len(required)} required variables documented, no secret has a default", problems)


def check_k8s(rows):
    kustomization = load("k8s/kustomization.yaml")
    resources = {}
    problems = []
    for path in kustomization["resources"]:
        full = os.path.join("k8s", path)
        if not os.path.exists(os.path.join(DEPLOY, full)):
            problems.append(f"kustomization lists missing {path}")
            continue
        for doc in load_all(full):
            resources[(doc["kind"], doc["metadata"]["name"])] = doc
    listed = {os.path.join("k8s", p) for p in kustomization["resources"]}
    for path in glob.glob(os.path.join(DEPLOY, "k8s", "*.yaml")) + glob.glob(os.path.join(DEPLOY, "k8s", "deployables", "*.yaml")):
        rel = os.path.relpath(path, DEPLOY)
        if rel not in listed and not rel.endswith("kustomization.yaml"):
            problems.append(f"{rel} is not listed in kustomization.yaml")
    check("kustomization lists exactly the manifests that exist", problems)

    names = {r["name"] for r in rows}
    config = resources.get(("ConfigMap", "authorworks-config"), {}).get("data", {})
    problems = []
    for (kind, name) in sorted(resources):
        labels = resources[(kind, name)]["metadata"].get("labels", {})
        if kind == "Deployment" and name not in names and labels.get("app.kubernetes.io/component") != "edge":
            problems.append(f"Deployment {name} is not in the registry")
    files = {os.path.splitext(os.path.basename(p))[0] for p in glob.glob(os.path.join(DEPLOY, "k8s", "deployables", "*.yaml"))}
    problems += [f"k8s/deployables/{f}.yaml is not a deployable of the registry" for f in sorted(files - names)]
    images = {i["name"] for i in kustomization.get("images", [])}
    expected_images = {f"ghcr.io/authorworks/{n}" for n in names} | {"ghcr.io/authorworks/edge-nginx"}
    if images != expected_images:
        problems.append(f"kustomization images {sorted(images)} are not the registry's plus edge-nginx")
    for row in rows:
        name = row["name"]
        port = int(row["port"])
        if name not in files:
            problems.append(f"k8s/deployables/{name}.yaml missing")
        for kind in ("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"):
            if (kind, name) not in resources:
                problems.append(f"{kind} {name} missing")
        service = resources.get(("Service", name))
        if service and port not in [p["port"] for p in service["spec"]["ports"]]:
            problems.append(f"Service {name} does not expose {port}")
        deployment = resources.get(("Deployment", name))
        if not deployment:
            continue
        template = deployment["spec"]["template"]
        annotations = template["metadata"].get("annotations", {})
        if annotations.get("prometheus.io/port") != row["port"] or annotations.get("prometheus.io/scrape") != "true":
            problems.append(f"Deployment {name}: prometheus.io annotations missing or wrong port")
        if template["metadata"]["labels"].get("app.kubernetes.io/component") != row["kind"]:
            problems.append(f"Deployment {name}: component label should be {row['kind']} (its jar is under "
                            f"{row['jar'].split('/')[0]}/)")
        if "replicas" in deployment["spec"]:
            problems.append(f"Deployment {name} sets replicas, which fights its HorizontalPodAutoscaler")
        container = template["spec"]["containers"][0]
        env = {e["name"]: e for e in container.get("env", [])}
        from_config = any(ref.get("configMapRef", {}).get("name") == "authorworks-config"
                          for ref in container.get("envFrom", []))
        available = set(env) | (set(config) if from_config else set())
        if env.get("SERVER_PORT", {}).get("value") != row["port"]:
            problems.append(f"Deployment {name}: SERVER_PORT should be {row['port']}, the registry's port")
        if port not in [p["containerPort"] for p in container.get("ports", [])]:
            problems.append(f"Deployment {name}: container does not declare port {port}")
        for var in SHARED_ENV:
            if var not in available:
                problems.append(f"Deployment {name}: {var} missing (every deployable gets it)")
        for var in sorted(row["env"] - available):
            problems.append(f"Deployment {name}: {var} missing (the registry gives it)")
        if row["mail"] and "MAIL_HOST" not in available:
            problems.append(f"Deployment {name}: sends mail but has no MAIL_HOST")
        if row["role"]:
            if env.get("DATABASE_USERNAME", {}).get("value") != row["role"]:
                problems.append(f"Deployment {name}: DATABASE_USERNAME should be {row['role']}")
            key = env.get("DATABASE_PASSWORD", {}).get("valueFrom", {}).get("secretKeyRef", {}).get("key")
            secret = row["role"].replace("_", "-") + "-password"
            if key != secret:
                problems.append(f"Deployment {name}: DATABASE_PASSWORD should come from {secret}")
            for user in rows:
                if row["schema"] and user["uses"] == row["schema"]:
                    var = f"{env_stem(user['name'])}_DATABASE_ROLE"
                    if env.get(var, {}).get("value") != user["role"]:
                        problems.append(f"Deployment {name}: {var} should be {user['role']}")
        elif "DATABASE_USERNAME" in env:
            problems.append(f"Deployment {name}: has a database role, but the registry gives it no schema")
        if row["scopes"]:
            if env.get("SERVICE_CLIENT_ID", {}).get("value") != name:
                problems.append(f"Deployment {name}: SERVICE_CLIENT_ID should be {name}")
            if env.get("SERVICE_CLIENT_SECRET", {}).get("valueFrom", {}).get("secretKeyRef", {}).get("key") != name:
                problems.append(f"Deployment {name}: SERVICE_CLIENT_SECRET should come from authorworks-service-clients/{name}")
        elif "SERVICE_CLIENT_ID" in env:
            problems.append(f"Deployment {name}: has a service client, but the registry gives it no scopes")
    policy = resources.get(("NetworkPolicy", "api-gateway"))
    if policy:
        allowed = sorted(p["port"] for rule in policy["spec"].get("egress", []) for p in rule.get("ports", []))
        services = sorted(int(r["port"]) for r in rows if r["kind"] == "service")
        if allowed != services:
            problems.append(f"NetworkPolicy api-gateway lets the gateway reach ports {allowed}, "
                            f"the registry's services listen on {services}")
    else:
        problems.append("NetworkPolicy api-gateway missing")
    check("k8s runs exactly the registry's deployables (Deployment, Service, HPA, PDB, port, role, env)", problems)

    problems = []
    for (kind, name), doc in resources.items():
        if kind == "HorizontalPodAutoscaler":
            metric = doc["spec"]["metrics"][0]["resource"]
            if doc["apiVersion"] != "autoscaling/v2" or metric["name"] != "cpu" or metric["target"]["averageUtilization"] != 70:
                problems.append(f"HPA {name} is not autoscaling/v2 on 70 % CPU")
            if doc["spec"]["scaleTargetRef"]["name"] != name:
                problems.append(f"HPA {name} scales another Deployment")
        if kind == "PodDisruptionBudget" and doc["apiVersion"] != "policy/v1":
            problems.append(f"PDB {name} is not policy/v1")
        if kind != "Deployment":
            continue
        pod = doc["spec"]["template"]["spec"]
        if not pod.get("securityContext", {}).get("runAsNonRoot"):
            problems.append(f"{name}: pod does not require runAsNonRoot")
        if pod.get("securityContext", {}).get("seccompProfile", {}).get("type") != "RuntimeDefault":
            problems.append(f"{name}: no RuntimeDefault seccomp profile")
        for container in pod["containers"]:
            sc = container.get("securityContext", {})
            if not sc.get("readOnlyRootFilesystem") or sc.get("allowPrivilegeEscalation") is not False \
                    or sc.get("capabilities", {}).get("drop") != ["ALL"]:
                problems.append(f"{name}: container is not read-only / no-escalation / drop ALL")
            res = container.get("resources", {})
            if not {"cpu", "memory"} <= set(res.get("requests", {})) or "memory" not in res.get("limits", {}):
                problems.append(f"{name}: resource requests or limits missing")
            for probe in ("readinessProbe", "livenessProbe"):
                path = container.get(probe, {}).get("httpGet", {}).get("path", "")
                expected = "/healthz" if name == "edge-nginx" else f"/actuator/health/{probe[:-5].replace('Probe', '')}"
                if path != expected:
                    problems.append(f"{name}: {probe} path {path!r}, expected {expected}")
            for env in container.get("env", []):
                if SECRET_NAME.search(env["name"]) and "value" in env:
                    problems.append(f"{name}: secret {env['name']} has a literal value")
    check("k8s pods are hardened, sized and probed; secrets only via secretKeyRef", problems)

    problems = []
    policies = [doc for (kind, _), doc in resources.items() if kind == "NetworkPolicy"]
    if not any(p["spec"]["podSelector"] == {} and set(p["spec"]["policyTypes"]) == {"Ingress", "Egress"} and
               "ingress" not in p["spec"] and "egress" not in p["spec"] for p in policies):
        problems.append("no default-deny NetworkPolicy")
    labels = {doc["spec"]["template"]["metadata"]["labels"].get("app.kubernetes.io/component")
              for (kind, _), doc in resources.items() if kind == "Deployment"}
    if labels != {"edge", "gateway", "service", "worker"}:
        problems.append(f"unexpected component labels {sorted(labels, key=str)}")
    check("NetworkPolicies start from default deny; pods carry the component labels they use", problems)


def check_prometheus(rows):
    config = load("prometheus/prometheus.yml")
    job = next(j for j in config["scrape_configs"] if j["job_name"] == "authorworks")
    targets = {(c["names"][0], str(c["port"])) for c in job["dns_sd_configs"]}
    expected = {(r["name"], r["port"]) for r in rows}
    problems = [f"{name}:{port} not scraped" for name, port in sorted(expected - targets)]
    problems += [f"{name}:{port} scraped but not a deployable of the registry" for name, port in sorted(targets - expected)]
    if job.get("metrics_path") != "/actuator/prometheus":
        problems.append("authorworks job does not scrape /actuator/prometheus")
    check("prometheus.yml scrapes exactly the registry's deployables at their ports", problems)

    rule = next(r for g in load("prometheus/alerts.yml")["groups"] for r in g["rules"]
                if r.get("alert") == "AuthorWorksDeployableDown")
    absent = set(re.findall(r'absent\(up\{job="authorworks",service="([^"]+)"\}\)', rule["expr"]))
    names = {r["name"] for r in rows}
    problems = [f"{n} not covered by the absent() rule" for n in sorted(names - absent)]
    problems += [f"the absent() rule names {n}, which is not in the registry" for n in sorted(absent - names)]
    check("the deployable-down alert names exactly the registry's deployables", problems)


def check_trusted_proxies():
    """The gateway believes X-Forwarded-For from the edge and from nobody else.

    The value is a Java regex that Tomcat matches against the whole peer address; the patterns
    used here mean the same in Python. IPv6 peers are written as Java prints them
    (fd00:0:0:0:0:0:0:5).
    """
    def java_form(address):
        address = ipaddress.ip_address(address)
        if address.version == 4:
            return str(address)
        return ":".join(format(int(group, 16), "x") for group in address.exploded.split(":"))

    def mismatches(pattern, trusted, untrusted):
        problems = []
        try:
            regex = re.compile(pattern)
        except re.error as e:
            return [f"TRUSTED_PROXIES {pattern!r} is not a regex: {e}"]
        problems += [f"does not trust the edge address {a}" for a in trusted if not regex.fullmatch(java_form(a))]
        problems += [f"trusts {a}, which is not the edge" for a in untrusted if regex.fullmatch(java_form(a))]
        return problems

    compose = load("compose/compose.yaml")
    services = compose["services"]
    problems = []
    pattern = services["api-gateway"].get("environment", {}).get("TRUSTED_PROXIES")
    subnets = [c["subnet"] for c in (compose["networks"].get("edge") or {}).get("ipam", {}).get("config", [])]
    if not pattern:
        problems.append("compose: the api-gateway has no TRUSTED_PROXIES")
    elif len(subnets) != 1:
        problems.append("compose: the edge network needs one fixed subnet for TRUSTED_PROXIES to name")
    else:
        edge = ipaddress.ip_network(subnets[0])
        outside = [edge.network_address - 1, edge.broadcast_address + 1, "127.0.0.1", "203.0.113.7"]
        problems += [f"compose: {p}" for p in mismatches(pattern, list(edge.hosts()), outside)]
    if services.get("nginx", {}).get("networks") != ["edge"]:
        problems.append("compose: nginx must be on the edge network alone")
    members = sorted(n for n, svc in services.items() if "edge" in svc.get("networks", []))
    if members != ["api-gateway", "nginx"]:
        problems.append(f"compose: only nginx and the api-gateway may be on the edge network, not {members}")

    resources = {(d["kind"], d["metadata"]["name"]): d for d in load_all("k8s/config.yaml")}
    pattern = resources[("ConfigMap", "authorworks-config")]["data"].get("TRUSTED_PROXIES")
    if not pattern:
        problems.append("k8s: authorworks-config has no TRUSTED_PROXIES for the api-gateway")
    else:
        # Pod addresses as common network plugins hand them out, IPv4 and dual-stack IPv6.
        pods = ["10.244.1.17", "10.42.0.9", "172.20.3.4", "192.168.13.7", "100.64.0.5", "fd00:10:244::5",
                "fdab:cdef::1"]
        public = ["203.0.113.7", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1", "127.0.0.1"]
        problems += [f"k8s: {p}" for p in mismatches(pattern, pods, public)]
    check("the gateway's TRUSTED_PROXIES names the edge's addresses in compose and k8s, and only those", problems)


def check_logs():
    promtail = load("promtail/promtail.yaml")
    labels, metadata = set(), set()
    for stage in promtail["scrape_configs"][0]["pipeline_stages"]:
        for inner in stage.get("match", {}).get("stages", []):
            labels |= set(inner.get("labels", {}) or {})
            metadata |= set(inner.get("structured_metadata", {}) or {})
    problems = []
    if labels != {"level", "service"}:
        problems.append(f"promtail extracts labels {sorted(labels)}, expected level and service")
    if not {"traceId", "requestId"} <= metadata:
        problems.append("traceId and requestId must be structured metadata")
    loki = load("loki/loki.yaml")
    if not loki.get("limits_config", {}).get("allow_structured_metadata"):
        problems.append("loki does not allow structured metadata")
    check("promtail keeps traceId/requestId out of labels; loki accepts structured metadata", problems)

    problems = []
    uids = {d["uid"] for d in load("grafana/provisioning/datasources/authorworks.yaml")["datasources"]}
    for path in glob.glob(os.path.join(DEPLOY, "grafana/dashboards/*.json")):
        with open(path) as f:
            dashboard = json.load(f)
        for panel in dashboard["panels"]:
            uid = panel.get("datasource", {}).get("uid")
            if panel["type"] != "row" and uid not in uids:
                problems.append(f"{os.path.basename(path)} panel {panel['title']!r} uses unknown data source {uid}")
    check("dashboard panels use provisioned data sources", problems)


def main():
    rows = deployables()
    check_parse()
    check_names(rows)
    check_compose(rows)
    check_k8s(rows)
    check_prometheus(rows)
    check_trusted_proxies()
    check_logs()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
