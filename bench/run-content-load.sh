#!/usr/bin/env bash
# Runs the content load benchmark (issue #3, acceptance 8); see bench/README.md.
# Usage: bench/run-content-load.sh [--duration=30 --warmup=10 --connections=64 ...]  (--help lists all)
# Needs the deployables packaged once (./mvnw -B -q install -DskipTests) and PostgreSQL, Redis and
# RabbitMQ on loopback, as .ci/run starts them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
JAVA_HOME="$(scripts/find-java.sh 25)"
export JAVA_HOME
for jar in services/user-service/target/user-service.jar services/content-service/target/content-service.jar \
    gateway/api-gateway/target/api-gateway.jar; do
  if [ ! -f "$jar" ]; then
    echo "$jar is missing: run ./mvnw -B -q install -DskipTests first" >&2
    exit 1
  fi
done
module=bench/content-load
# The load generator, and the empty service and gateway its floor phases measure (bench/hop-floor).
./mvnw -B -q -pl "$module",bench/hop-floor package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
# The load generator gets the full JIT and a heap of its own; it shares the cores with everything else.
exec "$JAVA_HOME/bin/java" -Xms256m -Xmx1g -XX:+UseParallelGC \
  -cp "$module/target/classes:$(cat "$module/target/classpath.txt")" \
  "${BENCH_MAIN:-io.authorworks.bench.content.ContentLoad}" "$@"
