#!/usr/bin/env bash
# Vote-intake benchmark (issue 5). Usage, from the repository root:
#   participation-jakarta-ee/bench/vote-intake.sh [clients=32] [seconds=30] [pool=16] [direct]
# 1. a private PostgreSQL on loopback (.ci/postgres.sh; durable commits: fsync and
#    synchronous_commit on, PostgreSQL's defaults);
# 2. its raw ceiling for the same two inserts per transaction, with pgbench;
# 3. `./polity serve --development` on that PostgreSQL, and wrk (Debian's package, installed if
#    missing) casting ballots for distinct participants over HTTP/1.1 keep-alive on loopback, for a
#    fixed time after a 10 s warm-up; then the turnout read back from the API must equal the
#    ballots acknowledged;
# 4. with "direct": the in-process benchmark (VoteIntakeBenchmark), which also casts straight into
#    the BallotBox bean, without HTTP.
# Every figure line starts with the load average of the machine at that moment.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
clients="${1:-32}"
seconds="${2:-30}"
pool="${3:-16}"
direct="${4:-}"
port="${POLITY_BENCH_PORT:-18080}"
load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU time (clock ticks) used so far by a process, and by a process and its children alive now.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
tree_ticks() {
  local total; total="$(ticks "$1")"
  for child in $(pgrep -P "$1"); do total=$((total + $(ticks "$child"))); done
  echo "$total"
}
hz="$(getconf CLK_TCK)"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
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
echo "== pgbench ceiling: the same two inserts per transaction, $clients clients, 15 s (load $(load))"
"${as[@]}" "$POLITY_PG_BIN/pgbench" -h "$POLITY_PG_DIR" -p "$POLITY_PG_PORT" -U polity_admin -n \
  -c "$clients" -j 2 -T 15 -f "$script" polity_test | grep -E 'tps|latency'
rm -f "$script"

echo "== polity serve on PostgreSQL (pool $pool connections)"
server_log="$(mktemp)"
POLITY_DATABASE_USER="$POLITY_TEST_POSTGRES_USER" POLITY_DATABASE_PASSWORD="$POLITY_TEST_POSTGRES_PASSWORD" \
  POLITY_DATABASE_POOL_SIZE="$pool" ./polity serve --port "$port" --development \
  --database-url "$POLITY_TEST_POSTGRES_URL" >"$server_log" 2>&1 &
server=$!
stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; stop_test_postgres; }
trap stop_server EXIT
for _ in $(seq 1 300); do
  grep -q 'is ready at' "$server_log" && break
  kill -0 "$server" 2>/dev/null || { cat "$server_log"; exit 1; }
  sleep 1
done
grep -q 'is ready at' "$server_log" || { echo "the server did not start"; cat "$server_log"; exit 1; }
api="http://127.0.0.1:$port/api/v1/budgets"
budget="bench-$(date +%s)"
now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
later="$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)"
curl -sf -X PUT "$api/$budget/vote" -H 'X-Polity-Dev-User: ada' -H 'X-Polity-Dev-Roles: administrator' \
  -H 'Content-Type: application/json' -d "{\"opensAt\":\"$now\",\"closesAt\":\"$later\"}" >/dev/null
lua="participation-jakarta-ee/bench/cast-ballots.lua"
echo "== warm-up: 10 s"
wrk -t 1 -c "$clients" -d 10s -s "$lua" "$api/$budget/ballots" -- warmup | grep VOTE-INTAKE-HTTP
echo "== REST API vote intake: $clients connections, ${seconds} s (load $(load))"
postmaster="$(head -n 1 "$POLITY_PG_DIR/data/postmaster.pid")"
java_before="$(tree_ticks "$server")"; pg_before="$(tree_ticks "$postmaster")"
wrk_time="$(mktemp)"
result="$(/usr/bin/time -o "$wrk_time" -f '%U %S' wrk -t 2 -c "$clients" -d "${seconds}s" --timeout 10s -s "$lua" "$api/$budget/ballots" -- voter | grep VOTE-INTAKE-HTTP)"
java_after="$(tree_ticks "$server")"; pg_after="$(tree_ticks "$postmaster")"
echo "$result (load after $(load))"
requests="$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")"
# CPU per ballot: what an idle machine would have to give each ballot, whatever the load now.
awk -v j=$((java_after - java_before)) -v p=$((pg_after - pg_before)) -v hz="$hz" -v n="$requests" \
  -v w="$(awk '{print $1 + $2}' "$wrk_time")" 'BEGIN {
    jm = j / hz * 1000 / n; pm = p / hz * 1000 / n; wm = w * 1000 / n;
    printf "CPU per ballot: server JVM %.2f ms, PostgreSQL %.2f ms, wrk %.2f ms; total %.2f ms, i.e. at most %.0f ballots/s on 2 idle cores\n", jm, pm, wm, jm + pm + wm, 2000 / (jm + pm + wm) }'
rm -f "$wrk_time"
turnout="$(curl -sf "$api/$budget/turnout" -H 'X-Polity-Dev-User: ada' -H 'X-Polity-Dev-Roles: administrator')"
echo "turnout read back: $turnout"

if [ "$direct" = "direct" ]; then
  kill "$server"; wait "$server" 2>/dev/null || true
  echo "== in-process: REST API with the JDK client, then the BallotBox bean without HTTP (load $(load))"
  mvn -B -q -pl participation-jakarta-ee -am test -Dtest=VoteIntakeBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dpolity.bench=true -Dpolity.bench.pool="$pool" \
    -Dpolity.bench.clients="$clients" -Dpolity.bench.ballots=20000 2>&1 | grep -E 'VOTE-INTAKE|BALLOT-BOX-DIRECT|FAIL|ERROR' || true
fi
