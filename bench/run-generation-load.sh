#!/usr/bin/env bash
# The generation queue benchmark (issue #3, acceptance 7): N single-step jobs through the gateway,
# run by the content-worker against a fake Anthropic API with a fixed latency; reports throughput,
# queue overhead and whether every job ran exactly once. Options: --jobs, --latency-ms,
# --worker-replicas, plus the platform options of run-content-load.sh.
set -euo pipefail
BENCH_MAIN=io.authorworks.bench.content.GenerationLoad exec "$(dirname "$0")/run-content-load.sh" "$@"
