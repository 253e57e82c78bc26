#!/bin/sh
# Renders the AuthorWorks edge nginx configuration from the templates next to this script.
#
# Only the placeholders declared in PLACEHOLDERS below are replaced, so nginx's own $variables
# survive. Settings come from environment variables; see README.md for each one and its default.
#
#   NGINX_PREFIX=/tmp/edge GATEWAY_UPSTREAMS=127.0.0.1:8080 render.sh --self-signed --test
#
# Options:
#   -o, --output DIR   where to write nginx.conf and snippets/ (default: $NGINX_PREFIX/conf)
#   --self-signed      when TLS_CERT/TLS_KEY are unset, make a throw-away certificate for
#                      localhost/127.0.0.1 under $NGINX_PREFIX/tls (tests and local trials)
#   --test             run `nginx -t` on the result
#   --run              after rendering, exec nginx in the foreground (container entry point)
#
# On success prints the path of the rendered nginx.conf. Written for POSIX sh and any awk, so the
# same script runs on Debian and Alpine based nginx images.

# Variables assigned here reach the templates through `export $PLACEHOLDERS`, which shellcheck
# cannot follow.
# shellcheck disable=SC2034
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=""
self_signed=0
run_test=0
run_nginx=0

die() {
	echo "render.sh: $*" >&2
	exit 1
}

while [ $# -gt 0 ]; do
	case $1 in
	-o | --output)
		[ $# -ge 2 ] || die "$1 needs a directory"
		out=$2
		shift 2
		;;
	--self-signed) self_signed=1 && shift ;;
	--test) run_test=1 && shift ;;
	--run) run_nginx=1 && shift ;;
	-h | --help)
		sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*) die "unknown argument: $1 (try --help)" ;;
	esac
done

: "${NGINX_PREFIX:?set NGINX_PREFIX to a writable directory for pid, logs and temp files}"
: "${GATEWAY_UPSTREAMS:?set GATEWAY_UPSTREAMS to the api-gateway host:port list}"
NGINX_BIN=${NGINX_BIN:-nginx}
out=${out:-$NGINX_PREFIX/conf}

# Settings with defaults (none of them secret).
: "${LISTEN_HTTP:=80}"
: "${LISTEN_HTTPS:=443}"
: "${SERVER_NAME:=_}"
: "${PUBLIC_HOST:=localhost}"
: "${WORKER_PROCESSES:=auto}"
: "${ACCESS_LOG:=$NGINX_PREFIX/logs/access.log}"
: "${ERROR_LOG:=$NGINX_PREFIX/logs/error.log}"
: "${CLIENT_MAX_BODY_SIZE:=10m}"
: "${UPLOAD_MAX_BODY_SIZE:=512m}"
: "${SIGN_IN_RATE:=10r/m}"
: "${SIGN_IN_BURST:=5}"
: "${API_RATE:=20r/s}"
: "${API_BURST:=40}"
: "${CONN_PER_IP:=100}"
: "${HSTS_MAX_AGE:=63072000}"
: "${TRUSTED_PROXIES:=}"

mkdir -p "$NGINX_PREFIX/logs" "$NGINX_PREFIX/tmp"
NGINX_PREFIX=$(cd "$NGINX_PREFIX" && pwd)

if [ -z "${TLS_CERT:-}" ] || [ -z "${TLS_KEY:-}" ]; then
	[ "$self_signed" = 1 ] || die "set TLS_CERT and TLS_KEY (PEM files), or pass --self-signed"
	mkdir -p "$NGINX_PREFIX/tls"
	TLS_CERT=$NGINX_PREFIX/tls/tls.crt
	TLS_KEY=$NGINX_PREFIX/tls/tls.key
	if [ ! -s "$TLS_CERT" ] || [ ! -s "$TLS_KEY" ]; then
		openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
			-days 7 -subj /CN=localhost \
			-addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
			-keyout "$TLS_KEY" -out "$TLS_CERT" 2>/dev/null || die "openssl could not make a certificate"
	fi
fi

# "10r/m" -> quota 10, window 60 s, Retry-After ceil(60/10) = 6 s.
rate_parts() { # name rate
	case $2 in
	*r/s) window=1 ;;
	*r/m) window=60 ;;
	*) die "$1 must look like 10r/m or 20r/s, got '$2'" ;;
	esac
	quota=${2%r/*}
	case $quota in '' | *[!0-9]*) die "$1 must look like 10r/m or 20r/s, got '$2'" ;; esac
	[ "$quota" -gt 0 ] || die "$1 must be positive"
	retry=$(((window + quota - 1) / quota))
}
rate_parts SIGN_IN_RATE "$SIGN_IN_RATE"
SIGN_IN_QUOTA=$quota SIGN_IN_WINDOW=$window SIGN_IN_RETRY_AFTER=$retry
rate_parts API_RATE "$API_RATE"
API_QUOTA=$quota API_WINDOW=$window API_RETRY_AFTER=$retry

nl='
'
# One "server" line per gateway; entries separated by commas or white space.
servers=""
for gw in $(echo "$GATEWAY_UPSTREAMS" | tr ',' ' '); do
	case $gw in *[!A-Za-z0-9.:_\[\]-]*) die "bad GATEWAY_UPSTREAMS entry '$gw'" ;; esac
	line="server $gw max_fails=3 fail_timeout=10s;"
	servers=${servers:+$servers$nl        }$line
done
[ -n "$servers" ] || die "GATEWAY_UPSTREAMS is empty"
GATEWAY_UPSTREAMS=$servers

REAL_IP_CONFIG="# (none)"
if [ -n "$TRUSTED_PROXIES" ]; then
	REAL_IP_CONFIG=""
	for cidr in $(echo "$TRUSTED_PROXIES" | tr ',' ' '); do
		case $cidr in *[!0-9A-Fa-f.:/]*) die "bad TRUSTED_PROXIES entry '$cidr'" ;; esac
		REAL_IP_CONFIG="${REAL_IP_CONFIG}set_real_ip_from $cidr;$nl"
	done
	REAL_IP_CONFIG="${REAL_IP_CONFIG}real_ip_header X-Forwarded-For;${nl}real_ip_recursive on;"
fi

# "listen ... http2" became "http2 on;" in nginx 1.25.1; the old form only warns there, but the
# old nginx this is tested with does not know the new directive. Override with NGINX_HTTP2_STYLE.
if [ -z "${NGINX_HTTP2_STYLE:-}" ]; then
	NGINX_HTTP2_STYLE=listen
	version=$("$NGINX_BIN" -v 2>&1 | sed -n 's|.*nginx/\([0-9.]*\).*|\1|p') || true
	if [ -n "$version" ] && echo "$version" | awk -F. '{ exit !($1 > 1 || ($1 == 1 && ($2 > 25 || ($2 == 25 && $3 >= 1)))) }'; then
		NGINX_HTTP2_STYLE=directive
	fi
fi
case $NGINX_HTTP2_STYLE in
listen) HTTP2_LISTEN=" http2" HTTP2_DIRECTIVE="" ;;
directive) HTTP2_LISTEN="" HTTP2_DIRECTIVE="http2 on;" ;;
*) die "NGINX_HTTP2_STYLE must be 'listen' or 'directive'" ;;
esac

PLACEHOLDERS="LISTEN_HTTP LISTEN_HTTPS SERVER_NAME PUBLIC_HOST TLS_CERT TLS_KEY NGINX_PREFIX
WORKER_PROCESSES ACCESS_LOG ERROR_LOG CLIENT_MAX_BODY_SIZE UPLOAD_MAX_BODY_SIZE GATEWAY_UPSTREAMS
SIGN_IN_RATE SIGN_IN_BURST SIGN_IN_QUOTA SIGN_IN_WINDOW SIGN_IN_RETRY_AFTER
API_RATE API_BURST API_QUOTA API_WINDOW API_RETRY_AFTER CONN_PER_IP HSTS_MAX_AGE
REAL_IP_CONFIG HTTP2_LISTEN HTTP2_DIRECTIVE"

# A value that could end a directive or open a block would let the environment inject config.
for name in $PLACEHOLDERS; do
	eval "value=\${$name}"
	case $name in GATEWAY_UPSTREAMS | REAL_IP_CONFIG | HTTP2_DIRECTIVE) continue ;; esac
	case $value in *[\;\{\}\"\'\$\\]* | *"$nl"*) die "$name contains a character nginx would misread: '$value'" ;; esac
	case $name in HTTP2_LISTEN) ;; *) [ -n "$value" ] || die "$name is empty" ;; esac
done

# shellcheck disable=SC2086,SC2163 # exports each name in the list
export $PLACEHOLDERS

render() { # template output
	awk -v names="$PLACEHOLDERS" '
		BEGIN { n = split(names, name, /[ \n]+/) }
		{
			line = $0
			for (i = 1; i <= n; i++) {
				if (name[i] == "") continue
				token = "${" name[i] "}"
				result = ""
				while ((at = index(line, token)) > 0) {
					result = result substr(line, 1, at - 1) ENVIRON[name[i]]
					line = substr(line, at + length(token))
				}
				line = result line
			}
			print line
		}' "$1" >"$2"
}

mkdir -p "$out/snippets"
render "$here/nginx.conf" "$out/nginx.conf"
for template in "$here"/snippets/*.conf; do
	render "$template" "$out/snippets/$(basename "$template")"
done

# An upper-case ${NAME} left over is a placeholder someone forgot to declare.
if leftover=$(grep -rhoE '\$\{[A-Z][A-Z0-9_]*\}' "$out" | sort -u) && [ -n "$leftover" ]; then
	die "undeclared placeholders in templates: $(echo "$leftover" | tr '\n' ' ')"
fi

if [ "$run_test" = 1 ]; then
	"$NGINX_BIN" -t -q -c "$out/nginx.conf" -p "$NGINX_PREFIX/"
fi

if [ "$run_nginx" = 1 ]; then
	exec "$NGINX_BIN" -c "$out/nginx.conf" -p "$NGINX_PREFIX/" -g 'daemon off;'
fi

echo "$out/nginx.conf"
