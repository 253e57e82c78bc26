#!/usr/bin/env bash
# Runs the rendered edge configuration for real on loopback, in front of two tiny stand-in
# gateways, and checks with curl what a client would see: routing, forwarded headers, request
# ids, security headers, WebSocket upgrade, unbuffered SSE, the sign-in rate limit (429 problem
# + Retry-After + RateLimit headers), body limits and the 502 problem when the gateways are gone.
#
# Needs nginx, python3, curl and openssl. Everything lives in a temporary directory; only
# processes this script started are stopped. Prints "N passed, N failed" and exits non-zero on
# any failure.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
NGINX_BIN=${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}
work=$(mktemp -d "${TMPDIR:-/tmp}/authorworks-edge.XXXXXX")
pids=()
passed=0
failed=0

cleanup() {
	local pid
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	[ -n "${KEEP_WORKDIR:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

check() { # description, then a command that must succeed
	local what=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
		echo "ok   $what"
	else
		failed=$((failed + 1))
		echo "FAIL $what"
	fi
}

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

http_port=$(free_port)
https_port=$(free_port)
gw1_port=$(free_port)
gw2_port=$(free_port)

# A stand-in gateway: echoes what it received as JSON, answers WebSocket handshakes with 101,
# streams two SSE events a second apart, and sets headers the edge must replace.
cat >"$work/gateway.py" <<'PY'
import base64, hashlib, json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NAME, PORT = sys.argv[1], int(sys.argv[2])

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if self.headers.get("Upgrade", "").lower() == "websocket":
            accept = base64.b64encode(hashlib.sha1((self.headers["Sec-WebSocket-Key"]
                + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()).decode()
            self.send_response(101)
            self.send_header("Upgrade", "websocket")
            self.send_header("Connection", "Upgrade")
            self.send_header("Sec-WebSocket-Accept", accept)
            self.end_headers()
            self.close_connection = True
            return
        if self.path.endswith("/events"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                for i in (1, 2):
                    data = f"id: {i}\ndata: {{\"step\":{i}}}\n\n".encode()
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                    self.wfile.flush()
                    time.sleep(2)
                self.wfile.write(b"0\r\n\r\n")
            except BrokenPipeError:
                pass  # the client hung up mid-stream, as the SSE check does on purpose
            return
        body = json.dumps({"gateway": NAME, "method": self.command, "path": self.path,
                           "headers": {k.lower(): v for k, v in self.headers.items()}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Frame-Options", "SAMEORIGIN")
        self.send_header("X-Request-Id", "from-gateway")
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = handle_any

ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
PY

python3 "$work/gateway.py" gw1 "$gw1_port" &
pids+=($!)
gw1_pid=$!
python3 "$work/gateway.py" gw2 "$gw2_port" &
pids+=($!)
gw2_pid=$!

public_host="localhost:$https_port"
NGINX_PREFIX="$work/prefix" \
	GATEWAY_UPSTREAMS="127.0.0.1:$gw1_port,127.0.0.1:$gw2_port" \
	LISTEN_HTTP="127.0.0.1:$http_port" LISTEN_HTTPS="127.0.0.1:$https_port" \
	PUBLIC_HOST="$public_host" WORKER_PROCESSES=1 \
	SIGN_IN_RATE=10r/m SIGN_IN_BURST=3 API_RATE=20r/s API_BURST=40 \
	CLIENT_MAX_BODY_SIZE=1m UPLOAD_MAX_BODY_SIZE=2m \
	NGINX_BIN="$NGINX_BIN" "$here/render.sh" --self-signed --test >/dev/null
"$NGINX_BIN" -c "$work/prefix/conf/nginx.conf" -p "$work/prefix/" -g 'daemon off;' &
pids+=($!)

base="https://$public_host"
# The self-signed certificate names localhost; --resolve keeps TLS and Host honest.
curl_() { curl -sS --cacert "$work/prefix/tls/tls.crt" --max-time 10 "$@"; }
for _ in $(seq 1 50); do
	curl_ -o /dev/null "$base/healthz" 2>/dev/null && break
	sleep 0.1
done

header() { # file name -> value of the last such header
	tr -d '\r' <"$1" | awk -v h="$(echo "$2" | tr '[:upper:]' '[:lower:]')" -F': ' 'tolower($1) == h { v = substr($0, length($1) + 3) } END { print v }'
}
header_count() {
	tr -d '\r' <"$1" | awk -v h="$(echo "$2" | tr '[:upper:]' '[:lower:]')" -F': ' 'tolower($1) == h { n++ } END { print n + 0 }'
}
json() { # file python-expression-on-d
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}

# --- plain HTTP ---
code=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$http_port/api/content/books?x=1")
check "HTTP redirects to the pinned public HTTPS origin (got: $code)" \
	test "$code" = "301 https://$public_host/api/content/books?x=1"

# --- routing and forwarded headers ---
curl_ -D "$work/h1" -o "$work/b1" -H 'Host: evil.example' -H 'X-Forwarded-For: 6.6.6.6' \
	-H 'Forwarded: for=6.6.6.6;proto=http' "$base/api/content/books?limit=5"
check "/api/content/ reaches a gateway with path and query unchanged" \
	test "$(json "$work/b1" 'd["path"]')" = "/api/content/books?limit=5"
check "gateway sees X-Forwarded-Proto https, pinned Host and X-Forwarded-Host" \
	test "$(json "$work/b1" 'd["headers"]["x-forwarded-proto"], d["headers"]["host"], d["headers"]["x-forwarded-host"]')" \
	= "https $public_host $public_host"
check "client-sent X-Forwarded-For and Forwarded are replaced, not trusted" \
	test "$(json "$work/b1" 'd["headers"]["x-forwarded-for"], d["headers"].get("forwarded")')" = "127.0.0.1 None"
rid=$(header "$work/h1" X-Request-Id)
check "a missing X-Request-Id is generated (got: $rid)" grep -Eq '^[0-9a-f]{32}$' <<<"$rid"
check "the gateway receives that same X-Request-Id" test "$(json "$work/b1" 'd["headers"]["x-request-id"]')" = "$rid"
check "exactly one X-Request-Id reaches the client" test "$(header_count "$work/h1" X-Request-Id)" = 1
check "HSTS is set" grep -q 'max-age=63072000; includeSubDomains' <<<"$(header "$work/h1" Strict-Transport-Security)"
check "X-Content-Type-Options nosniff" test "$(header "$work/h1" X-Content-Type-Options)" = nosniff
check "the gateway's X-Frame-Options is replaced by one DENY" \
	test "$(header_count "$work/h1" X-Frame-Options) $(header "$work/h1" X-Frame-Options)" = "1 DENY"
check "Referrer-Policy and Permissions-Policy are set" \
	test -n "$(header "$work/h1" Referrer-Policy)" -a -n "$(header "$work/h1" Permissions-Policy)"

curl_ -D "$work/h2" -o "$work/b2" -H 'X-Request-Id: client-abc-123' "$base/api/users/me"
check "a well-formed client X-Request-Id is kept and echoed" \
	test "$(header "$work/h2" X-Request-Id) $(json "$work/b2" 'd["headers"]["x-request-id"]')" = "client-abc-123 client-abc-123"
curl_ -D "$work/h3" -o /dev/null -H 'X-Request-Id: bad id"<script>' "$base/api/users/me"
check "a malformed client X-Request-Id is replaced" grep -Eq '^[0-9a-f]{32}$' <<<"$(header "$work/h3" X-Request-Id)"

seen=""
for p in / /login /signup /verify-email /password-reset /oauth2/authorize /.well-known/openid-configuration \
	/userinfo /connect/logout /api/storage/files /api/editor/docs /api/subscriptions/plans \
	/api/messaging/threads /api/discovery/search /api/media/assets; do
	curl_ -o "$work/route" "$base$p"
	seen="$seen $(json "$work/route" 'd["path"]')"
done
check "every route family reaches the gateway unchanged" \
	test "$seen" = " / /login /signup /verify-email /password-reset /oauth2/authorize /.well-known/openid-configuration /userinfo /connect/logout /api/storage/files /api/editor/docs /api/subscriptions/plans /api/messaging/threads /api/discovery/search /api/media/assets"
gateways=$(for _ in 1 2 3 4 5 6; do curl_ "$base/api/content/x" | python3 -c 'import json,sys; print(json.load(sys.stdin)["gateway"])'; done | sort -u | tr '\n' ' ')
check "requests are spread over both gateways (saw: $gateways)" test "$gateways" = "gw1 gw2 "

code=$(curl_ -o "$work/b4" -D "$work/h4" -w '%{http_code}' "$base/actuator/health")
check "/actuator is not exposed: 404 problem" \
	test "$code $(header "$work/h4" Content-Type) $(json "$work/b4" 'd["type"]')" \
	= "404 application/problem+json https://authorworks.dev/problems/not-found"

# --- WebSocket (HTTP/1.1, as browsers do) ---
ws=(--http1.1 -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13'
	-H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==')
# The stand-in closes right after its 101, so curl reports an empty reply; only the code matters.
code=$(curl_ -o /dev/null -w '%{http_code}' "${ws[@]}" "$base/api/editor/live/collab" 2>/dev/null || true)
check "WebSocket upgrade on /api/editor/live/ (got $code)" test "$code" = 101
code=$(curl_ -o /dev/null -w '%{http_code}' "${ws[@]}" "$base/api/content/live/echo" 2>/dev/null || true)
check "WebSocket upgrade on /api/content/live/ (got $code)" test "$code" = 101
code=$(curl_ -o "$work/b5" -w '%{http_code}' "${ws[@]}" "$base/api/messaging/ws" || true)
check "no upgrade outside /api/<service>/live/: a plain request (got $code)" \
	test "$code $(json "$work/b5" 'd["headers"].get("upgrade")')" = "200 None"

# --- SSE: the first event must arrive while the gateway is still holding the stream open ---
curl_ -N --max-time 1.5 -o "$work/sse" "$base/api/content/jobs/0193/events" 2>/dev/null || true
check "job events stream unbuffered (first event within 1.5 s)" grep -q '^id: 1' "$work/sse"

# --- body limits ---
head -c 100000 /dev/zero >"$work/100k"
code=$(curl_ -o "$work/b6" -w '%{http_code}' -X POST --data-binary @"$work/100k" "$base/signup")
check "sign-up bodies over 64k get a 413 problem (got $code)" \
	test "$code $(json "$work/b6" 'd["type"]')" = "413 https://authorworks.dev/problems/payload-too-large"
head -c 1500000 /dev/zero >"$work/1500k"
code=$(curl_ -o /dev/null -w '%{http_code}' -X POST --data-binary @"$work/1500k" "$base/api/storage/files")
check "uploads may exceed the general limit on /api/storage/ (got $code)" test "$code" = 200
code=$(curl_ -o /dev/null -w '%{http_code}' -X POST --data-binary @"$work/1500k" "$base/api/content/books")
check "the general body limit applies elsewhere (got $code)" test "$code" = 413

# --- sign-in rate limit: 10/min with burst 3 means 4 POSTs pass, then 429 ---
codes=""
for _ in 1 2 3 4 5 6; do
	codes="$codes $(curl_ -o "$work/b7" -D "$work/h7" -w '%{http_code}' -X POST -d 'username=a&password=b' "$base/login")"
done
check "POST /login: four pass, then 429 (got$codes)" test "$codes" = " 200 200 200 200 429 429"
check "429 is an RFC 9457 problem" \
	test "$(header "$work/h7" Content-Type) $(json "$work/b7" 'd["type"], d["status"], d["instance"]')" \
	= "application/problem+json https://authorworks.dev/problems/rate-limited 429 /login"
check "429 problem carries the request id" test "$(json "$work/b7" 'd["requestId"]')" = "$(header "$work/h7" X-Request-Id)"
check "429 has Retry-After 6 (one token at 10/min)" test "$(header "$work/h7" Retry-After)" = 6
check "429 has RateLimit-Policy and RateLimit" \
	test "$(header "$work/h7" RateLimit-Policy) | $(header "$work/h7" RateLimit)" = '"sign-in";q=10;w=60 | "sign-in";r=0;t=6'
check "429 keeps the security headers" test "$(header "$work/h7" X-Content-Type-Options)" = nosniff
codes=""
for _ in 1 2 3 4 5 6; do codes="$codes $(curl_ -o /dev/null -w '%{http_code}' "$base/login")"; done
check "showing the sign-in page is not throttled by the sign-in budget (got$codes)" \
	test "$codes" = " 200 200 200 200 200 200"

# --- general API budget: 20/s with burst 40 ---
# One curl, one reused connection: fast enough to outrun the refill, unlike a curl per request.
burst_args=()
for _ in $(seq 1 80); do burst_args+=(-o /dev/null "$base/api/discovery/search"); done
codes=$(curl_ -D "$work/h9" -w '%{http_code}\n' "${burst_args[@]}" | sort | uniq -c | tr -s ' ' | tr '\n' ';')
check "a fast loop on the API eventually gets 429 (got$codes)" grep -q ' 429' <<<"$codes"
check "an API 429 names the api budget and Retry-After 1 (20/s)" \
	test "$(header "$work/h9" Retry-After) $(header "$work/h9" RateLimit-Policy)" = '1 "api";q=20;w=1'

# --- gateways gone: nginx's own 502 as a problem ---
kill "$gw1_pid" "$gw2_pid"
wait "$gw1_pid" "$gw2_pid" 2>/dev/null || true
sleep 1.2 # let the per-IP API budget refill a little
code=$(curl_ -o "$work/b8" -D "$work/h8" -w '%{http_code}' "$base/api/users/me")
check "no gateway: 502 problem JSON (got $code)" \
	test "$code $(header "$work/h8" Content-Type) $(json "$work/b8" 'd["type"]')" \
	= "502 application/problem+json https://authorworks.dev/problems/upstream-unavailable"

# --- access log ---
check "access log lines are JSON with requestId and upstream timing" python3 - "$work/prefix/logs/access.log" "$rid" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
mine = [l for l in lines if l["requestId"] == sys.argv[2]]
sys.exit(0 if mine and mine[0]["upstreamResponseTime"] not in ("", "-") and mine[0]["status"] == 200 else 1)
PY

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
