#!/usr/bin/env bash
# Live-results benchmark (issue 5): a real server on a private PostgreSQL on loopback
# (.ci/postgres.sh), a process with 60 projects on the ballot, 400,000 approval ballots stored;
# then the results computed by the product (ResultsService, GET /results) and core's other rules
# timed (LiveResultsBenchmark). Usage, from the repository root:
#   participation-standalone/bench/live-results.sh [ballots=400000] [runs=5]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ballots="${1:-400000}"
runs="${2:-5}"
. .ci/postgres.sh
start_test_postgres
echo "== live results for $ballots ballots, $runs timed runs each (load $(cut -d' ' -f1-3 /proc/loadavg))"
mvn -B -q -pl participation-standalone -am test -Dtest=LiveResultsBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dpolity.bench=true \
  -Dpolity.bench.ballots="$ballots" -Dpolity.bench.runs="$runs" 2>&1 | grep -E 'LIVE-RESULTS|FAIL|ERROR' || true
echo "(load after $(cut -d' ' -f1-3 /proc/loadavg))"
