#!/usr/bin/env bash
# Static checks of everything in deploy/, offline: what our machines cannot run (containers,
# Kubernetes) is at least parsed and cross-checked; what they can run (nginx, promtool) is run.
# Compose, Kubernetes and Prometheus are held to the one list of deployables, the launcher's
# registry (launcher/authorworks-launcher/src/main/resources/deployables.properties).
#
#   deploy/check.sh              all checks
#   deploy/check.sh --no-smoke   skip running nginx in front of stand-in gateways
#
# A check whose tool is missing is skipped with a message, never silently passed. Ends with
# "N passed, N failed, N skipped" and exits non-zero if anything failed.
#
# Tools: python3 + PyYAML (structure), nginx + openssl (config test), python3 + curl (smoke
# test), promtool (PROMTOOL=/path or on PATH; Debian package "prometheus"), shellcheck.
set -uo pipefail

deploy=$(cd "$(dirname "$0")" && pwd)
smoke=1
[ "${1:-}" = "--no-smoke" ] && smoke=0

passed=0
failed=0
skipped=0
work=$(mktemp -d "${TMPDIR:-/tmp}/authorworks-deploy-check.XXXXXX")
trap 'rm -rf "$work"' EXIT

ok() {
	passed=$((passed + 1))
	echo "ok   $1"
}
not_ok() {
	failed=$((failed + 1))
	echo "FAIL $1"
}
skip() {
	skipped=$((skipped + 1))
	echo "skip $1"
}
# run DESCRIPTION COMMAND…: pass/fail on the exit code; the output is shown only on failure.
run() {
	local what=$1
	shift
	if "$@" >"$work/out" 2>&1; then
		ok "$what"
	else
		not_ok "$what"
		sed 's/^/       /' "$work/out" | tail -40
	fi
}
have() { command -v "$1" >/dev/null 2>&1; }

echo "== structure (YAML/JSON, the registry's deployables in every asset, hardening)"
if have python3 && python3 -c 'import yaml' 2>/dev/null; then
	python3 "$deploy/check_structure.py" >"$work/structure" 2>&1
	cat "$work/structure"
	passed=$((passed + $(grep -c '^ok' "$work/structure")))
	failed=$((failed + $(grep -c '^FAIL' "$work/structure")))
	# A crash prints no FAIL line but must still fail the run.
	if ! grep -q '^ok' "$work/structure"; then
		not_ok "check_structure.py did not run"
	fi
elif have python3; then
	skip "structure checks: PyYAML is not installed (pip install pyyaml, or apt-get install python3-yaml)"
	if have jq; then
		run "grafana dashboards are valid JSON (jq)" jq -e . "$deploy"/grafana/dashboards/*.json
	fi
else
	skip "structure checks: python3 is not installed"
fi

echo "== nginx"
nginx_bin=${NGINX_BIN:-$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)}
if [ -n "$nginx_bin" ] && have openssl; then
	run "nginx templates render and pass nginx -t" env -i PATH="$PATH" \
		NGINX_PREFIX="$work/nginx" GATEWAY_UPSTREAMS="127.0.0.1:1,127.0.0.1:2" \
		LISTEN_HTTP=127.0.0.1:18080 LISTEN_HTTPS=127.0.0.1:18443 NGINX_BIN="$nginx_bin" \
		"$deploy/nginx/render.sh" --self-signed --test
	refuses_injection() {
		! NGINX_PREFIX="$work/bad" GATEWAY_UPSTREAMS=127.0.0.1:1 SERVER_NAME="x; include /etc/passwd" \
			"$deploy/nginx/render.sh" --self-signed
	}
	run "render.sh refuses a value that would inject nginx directives" refuses_injection
	if [ "$smoke" = 1 ] && have python3 && have curl; then
		run "nginx in front of stand-in gateways: routing, headers, WebSocket, SSE, 413/429/502 problems" \
			env NGINX_BIN="$nginx_bin" "$deploy/nginx/smoke-test.sh"
	elif [ "$smoke" = 1 ]; then
		skip "nginx smoke test: needs python3 and curl"
	fi
else
	skip "nginx checks: nginx or openssl not found (apt-get install nginx-light openssl)"
fi

echo "== prometheus"
promtool=${PROMTOOL:-$(command -v promtool || true)}
if [ -n "$promtool" ]; then
	run "promtool check rules alerts.yml" "$promtool" check rules "$deploy/prometheus/alerts.yml"
	test_rules() { (cd "$deploy/prometheus" && "$promtool" test rules alerts.test.yml); }
	run "promtool test rules alerts.test.yml" test_rules
	run "promtool check config prometheus.yml" "$promtool" check config "$deploy/prometheus/prometheus.yml"
	# Some distribution builds of promtool leave out Kubernetes discovery; then check everything
	# else in the file by swapping the discovery block for an equivalent static one.
	cp "$deploy/prometheus/prometheus-kubernetes.yml" "$deploy/prometheus/alerts.yml" "$work/"
	"$promtool" check config "$work/prometheus-kubernetes.yml" >"$work/k8s-config" 2>&1
	if ! grep -q 'kubernetes_sd_configs not found' "$work/k8s-config"; then
		run "promtool check config prometheus-kubernetes.yml" "$promtool" check config "$work/prometheus-kubernetes.yml"
	elif have python3 && python3 -c 'import yaml' 2>/dev/null; then
		python3 - "$work/prometheus-kubernetes.yml" <<-'PY'
			import sys, yaml
			path = sys.argv[1]
			config = yaml.safe_load(open(path))
			for job in config["scrape_configs"]:
			    if job.pop("kubernetes_sd_configs", None) is not None:
			        job["static_configs"] = [{"targets": ["pod:8080"]}]
			yaml.safe_dump(config, open(path, "w"))
		PY
		run "promtool check config prometheus-kubernetes.yml (this promtool lacks kubernetes_sd; rest checked)" \
			"$promtool" check config "$work/prometheus-kubernetes.yml"
	else
		skip "prometheus-kubernetes.yml: this promtool lacks kubernetes_sd and PyYAML is missing"
	fi
	# Dashboard queries are PromQL too: parse them as recording rules.
	if have python3; then
		python3 - "$deploy/grafana/dashboards" "$work/dashboard-rules.yml" <<-'PY'
			import glob, json, sys
			rules = []
			for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
			    for panel in json.load(open(path))["panels"]:
			        if panel.get("datasource", {}).get("type") != "prometheus":
			            continue
			        for target in panel.get("targets", []):
			            expr = target["expr"].replace("$__rate_interval", "5m").replace("$service", ".+")
			            rules.append({"record": "dashboard:query:%d" % len(rules), "expr": expr})
			json.dump({"groups": [{"name": "dashboards", "rules": rules}]}, open(sys.argv[2], "w"))
		PY
		run "every dashboard PromQL query parses" "$promtool" check rules "$work/dashboard-rules.yml"
	fi
else
	skip "promtool not found: set PROMTOOL or install Debian's prometheus package"
fi

echo "== scripts"
if have shellcheck; then
	run "shellcheck" shellcheck "$deploy/check.sh" "$deploy/nginx/smoke-test.sh" \
		"$deploy/compose/postgres/init-schemas.sh"
	run "shellcheck (POSIX sh)" shellcheck -s sh "$deploy/nginx/render.sh"
else
	skip "shellcheck not found (apt-get install shellcheck)"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
