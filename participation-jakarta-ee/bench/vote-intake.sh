#!/usr/bin/env bash
# Vote-intake benchmark (issue 5): a private PostgreSQL on loopback (durable commits: fsync and
# synchronous_commit on, the defaults), its raw insert ceiling with pgbench, then ballots cast
# through the REST API by concurrent clients. Usage, from the repository root:
#   participation-jakarta-ee/bench/vote-intake.sh [clients] [ballots]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
clients="${1:-32}"
ballots="${2:-20000}"

. .ci/postgres.sh
start_test_postgres

as=()
[ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
psql_admin=("${as[@]}" "$POLITY_PG_BIN/psql" -q -h "$POLITY_PG_DIR" -p "$POLITY_PG_PORT" -U polity_admin -d polity_test)
"${psql_admin[@]}" -c "CREATE TABLE bench_participation (id uuid PRIMARY KEY, budget_id varchar(100), participant_key varchar(100), channel varchar(8), UNIQUE (budget_id, participant_key))" \
  -c "CREATE TABLE bench_ballot (id uuid PRIMARY KEY, budget_id varchar(100), slot varchar(64) UNIQUE, receipt_hash varchar(64) UNIQUE, kind varchar(16), contents varchar(20000))"
script="$(mktemp)"
cat > "$script" <<'SQL'
BEGIN;
INSERT INTO bench_participation VALUES (gen_random_uuid(), 'b', md5(random()::text), 'ONLINE');
INSERT INTO bench_ballot VALUES (gen_random_uuid(), 'b', md5(random()::text), md5(random()::text) || md5(random()::text), 'approval', '{"kind":"approval","projects":["p1","p2x"]}');
COMMIT;
SQL
chmod a+r "$script"
echo "== pgbench ceiling: the same two inserts per transaction, $clients clients, 15 s"
"${as[@]}" "$POLITY_PG_BIN/pgbench" -h "$POLITY_PG_DIR" -p "$POLITY_PG_PORT" -U polity_admin -n \
  -c "$clients" -j 2 -T 15 -f "$script" polity_test | grep -E 'tps|latency'
rm -f "$script"

echo "== REST API vote intake: $clients clients, $ballots ballots"
mvn -B -q -pl participation-jakarta-ee -am test -Dtest=VoteIntakeBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dpolity.bench=true \
  -Dpolity.bench.clients="$clients" -Dpolity.bench.ballots="$ballots" 2>&1 | grep -E 'VOTE-INTAKE|BALLOT-BOX-DIRECT|FAIL|ERROR' || true
