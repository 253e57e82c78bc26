#!/usr/bin/env python3
"""Structural checks of deploy/ that need only Python and PyYAML; called by check.sh.

Prints one "ok …" or "FAIL …" line per check (check.sh counts them) and exits non-zero on any
failure. Every deployable listed in deployables.txt must appear in each asset.
"""

import glob
import json
import os
import re
import sys

import yaml

DEPLOY = os.path.dirname(os.path.abspath(__file__))
failures = 0

# Variable names that hold secrets: these may never get a non-empty default in a committed file.
SECRET_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE")


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


def deployables():
    rows = []
    with open(os.path.join(DEPLOY, "deployables.txt")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, http, metrics, schema = line.split()
                rows.append({"name": name, "http": http, "metrics": metrics, "schema": schema})
    return rows


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


def check_compose(rows):
    compose = load("compose/compose.yaml")
    build = load("compose/compose.build.yaml")
    services = compose["services"]
    with open(os.path.join(DEPLOY, "compose/compose.yaml")) as f:
        # Comments may mention ${VAR:?…} as an example; only real values count.
        text = "".join(line for line in f if not line.lstrip().startswith("#"))

    problems = []
    for row in rows:
        name = row["name"]
        service = services.get(name)
        if service is None:
            problems.append(f"{name} missing from compose.yaml")
            continue
        if not service.get("image", "").endswith(f"/{name}:${{AUTHORWORKS_VERSION:-latest}}"):
            problems.append(f"{name}: image is not …/{name}:${{AUTHORWORKS_VERSION:-latest}}")
        env = service.get("environment", {})
        port_var = "SERVER_PORT" if row["http"] != "-" else "MANAGEMENT_SERVER_PORT"
        port = row["http"] if row["http"] != "-" else row["metrics"]
        if str(env.get(port_var)) != port:
            problems.append(f"{name}: {port_var} should be {port}")
        if row["schema"] != "-" and env.get("DATABASE_USERNAME") != row["schema"]:
            problems.append(f"{name}: DATABASE_USERNAME should be {row['schema']}")
        if "healthcheck" not in service:
            problems.append(f"{name}: no healthcheck")
        if name not in build.get("services", {}):
            problems.append(f"{name} missing from compose.build.yaml")
    check("every deployable is in compose (image, port, database role, healthcheck, build)", problems)

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

    problems = []
    for row in rows:
        name = row["name"]
        for kind in ("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"):
            if (kind, name) not in resources:
                problems.append(f"{kind} {name} missing")
        service = resources.get(("Service", name))
        port = int(row["http"] if row["http"] != "-" else row["metrics"])
        if service and port not in [p["port"] for p in service["spec"]["ports"]]:
            problems.append(f"Service {name} does not expose {port}")
        deployment = resources.get(("Deployment", name))
        if deployment:
            annotations = deployment["spec"]["template"]["metadata"].get("annotations", {})
            if annotations.get("prometheus.io/port") != row["metrics"] or annotations.get("prometheus.io/scrape") != "true":
                problems.append(f"Deployment {name}: prometheus.io annotations missing or wrong port")
            if "replicas" in deployment["spec"]:
                problems.append(f"Deployment {name} sets replicas, which fights its HorizontalPodAutoscaler")
    check("every deployable has a Deployment, Service, HPA and PDB in k8s", problems)

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
    problems = [f"{r['name']}:{r['metrics']} not scraped" for r in rows if (r["name"], r["metrics"]) not in targets]
    if job.get("metrics_path") != "/actuator/prometheus":
        problems.append("authorworks job does not scrape /actuator/prometheus")
    check("prometheus.yml scrapes every deployable's /actuator/prometheus", problems)

    with open(os.path.join(DEPLOY, "prometheus/alerts.yml")) as f:
        alerts = f.read()
    problems = [f"{r['name']} not covered by the absent() rule" for r in rows if f'service="{r["name"]}"' not in alerts]
    check("the deployable-down alert names every deployable", problems)


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
    check_compose(rows)
    check_k8s(rows)
    check_prometheus(rows)
    check_logs()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
