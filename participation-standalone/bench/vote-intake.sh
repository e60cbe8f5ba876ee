#!/usr/bin/env bash
# Vote-intake benchmark (issue 5). Usage, from the repository root:
#   participation-standalone/bench/vote-intake.sh [clients=32] [seconds=30] [pool=16] [runs=3] [direct]
# 1. a private PostgreSQL on loopback (.ci/postgres.sh; durable commits: fsync and
#    synchronous_commit on, PostgreSQL's defaults);
# 2. its raw ceiling with pgbench: the same two inserts per ballot (participation row and ballot
#    row, unique constraints and foreign keys to the vote), one transaction per ballot, as one
#    statement (what the server sends for a ballot alone);
# 3. `./polity serve --development` on that PostgreSQL; a process declared with eligibility rules
#    for VOTE (aged 16 or more, living in the municipality) that owns the budget, its first phase
#    opened, and the vote opened; then wrk (Debian's package, installed if missing) casting valid
#    ballots for distinct participants over HTTP/1.1 keep-alive on loopback: a 60 s warm-up, then
#    `runs` measured runs of `seconds` each; the turnout read back from the API must equal the
#    ballots acknowledged (plus at most one request in flight per connection and run);
# 4. with "direct": the in-process benchmark (VoteIntakeBenchmark), which also casts straight into
#    the BallotBox bean, without HTTP.
# Every figure line carries the load average of the machine, and the CPU time per ballot of the
# server JVM (request threads, JIT compiler threads, the rest), of PostgreSQL and of wrk.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
clients="${1:-32}"
seconds="${2:-30}"
pool="${3:-16}"
runs="${4:-3}"
direct="${5:-}"
if [ "$runs" = "direct" ]; then runs=3; direct=direct; fi
case "$runs" in ''|*[!0-9]*) echo "runs is '$runs': give a number of measured runs, such as 3"; exit 2;; esac
port="${POLITY_BENCH_PORT:-18080}"
load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU time (clock ticks) used so far by a process; by PostgreSQL (the postmaster, its children
# that ended, and those alive now); by the JVM's threads, split into request threads, JIT compiler
# threads and the rest (GC, selectors, ballot writers, pool).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  local total; total="$(awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat")"
  for child in $(pgrep -P "$1"); do total=$((total + $(ticks "$child"))); done
  echo "$total"
}
jvm_ticks() {
  for task in /proc/"$1"/task/*; do
    awk '{ s = $0; sub(/^[^(]*\(/, "", s); name = substr(s, 1, index(s, ")") - 1);
           sub(/^.*\) /, "", s); split(s, f, " "); print name "\t" (f[12] + f[13]) }' "$task/stat" 2>/dev/null
  done | awk -F'\t' '{ if ($1 ~ /^polity-http/) r += $2; else if ($1 ~ /CompilerThre/) c += $2; else o += $2 }
                      END { print r + 0, c + 0, o + 0 }'
}
hz="$(getconf CLK_TCK)"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
. .ci/postgres.sh
start_test_postgres

as=()
[ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
psql_admin=("${as[@]}" "$POLITY_PG_BIN/psql" -q -h "$POLITY_PG_DIR" -p "$POLITY_PG_PORT" -U polity_admin -d polity_test)
"${psql_admin[@]}" -c "CREATE TABLE bench_vote (budget_id varchar(100) PRIMARY KEY)" \
  -c "INSERT INTO bench_vote VALUES ('b')" \
  -c "CREATE TABLE bench_participation (id uuid PRIMARY KEY, budget_id varchar(100) REFERENCES bench_vote, participant_key varchar(100), channel varchar(8), UNIQUE (budget_id, participant_key))" \
  -c "CREATE TABLE bench_ballot (id uuid PRIMARY KEY, budget_id varchar(100) REFERENCES bench_vote, slot varchar(64) UNIQUE, receipt_hash varchar(64) UNIQUE, kind varchar(16), contents varchar(20000))"
script="$(mktemp)"
cat > "$script" <<'SQL'
WITH participation AS (
  INSERT INTO bench_participation VALUES (gen_random_uuid(), 'b', md5(random()::text), 'ONLINE'))
INSERT INTO bench_ballot VALUES (gen_random_uuid(), 'b', md5(random()::text), md5(random()::text) || md5(random()::text), 'approval', '{"kind":"approval","projects":["p1","p2x"]}');
SQL
chmod a+r "$script"
postmaster="$(head -n 1 "$POLITY_PG_DIR/data/postmaster.pid")"
echo "== pgbench ceiling: one ballot (two inserts) per transaction, $clients clients, 15 s (load $(load))"
pg_before="$(pg_ticks "$postmaster")"
pgbench_out="$("${as[@]}" "$POLITY_PG_BIN/pgbench" -h "$POLITY_PG_DIR" -p "$POLITY_PG_PORT" -U polity_admin -n \
  -c "$clients" -j 2 -T 15 -M prepared -f "$script" polity_test)"
pg_after="$(pg_ticks "$postmaster")"
grep -E '^tps|latency average' <<<"$pgbench_out"
awk -v p=$((pg_after - pg_before)) -v hz="$hz" -v n="$(sed -nE 's/.*actually processed: ([0-9]+).*/\1/p' <<<"$pgbench_out")" \
  'BEGIN { printf "pgbench: PostgreSQL CPU per transaction %.3f ms (load after %s)\n", p / hz * 1000 / n, "'"$(load)"'" }'
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
admin=(-H 'X-Polity-Dev-User: ada' -H 'X-Polity-Dev-Roles: administrator' -H 'Content-Type: application/json')
# The process that owns the budget: every ballot is checked against its VOTE rules (the wrk script
# sends a birth date and an address that satisfy them).
process="process-$budget"
curl -sf -X PUT "http://127.0.0.1:$port/api/v1/processes/$process" "${admin[@]}" -d '{
  "title": {"en": "Shared Budget", "fr": "Budget partagé", "nl": "Gedeeld budget"},
  "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
  "territory": {"code": "AUD", "name": {"fr": "Auderghem"}, "districts": ["Centre", "North"]},
  "rules": {"envelope": {"amount": "100000", "currency": "EUR"}, "minimumAge": 10,
            "themes": [{"id": "greenery", "name": {"en": "Greenery"}}]},
  "budgets": ["'"$budget"'"],
  "eligibility": {"SUBMIT": {"everyone": {}}, "VOTE": {"allOf": [{"minimumAge": {"years": 16}}, {"livesInMunicipality":
    {"name": {"fr": "Auderghem", "nl": "Oudergem", "en": "Auderghem"}, "codes": ["21002"]}}]}}}' >/dev/null
# The ballot form is checked on every ballot (issue 12): 40 projects of 2,000 EUR each are put on
# the ballot the way staff do it (submitted, reviewed, validated), then the vote phase opens.
move() {
  curl -sf -X POST "http://127.0.0.1:$port/api/v1/processes/$process/phase-moves" "${admin[@]}" \
    -d '{"phase": "'"$1"'", "why": {"en": "Benchmark."}}' >/dev/null
}
# The version of a project, from the ETag of an answer's headers (curl -D -).
etag() { tr -d '\r' | sed -nE 's/^[Ee][Tt][Aa][Gg]: (W\/)?"?([0-9]+)"?$/\2/p'; }
move submission
ids=()
for i in $(seq 1 40); do
  created="$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/processes/$process/projects" \
    -H 'X-Polity-Dev-User: author' -H 'X-Polity-Dev-Roles: participant' -H 'Content-Type: application/json' -d '{
    "title": {"en": "Project '"$i"'"}, "description": {"en": "A project."}, "themes": ["greenery"],
    "estimatedCost": {"amount": "2000", "currency": "EUR"}, "authors": [{"kind": "resident", "name": "Jeanne", "age": 71}]}')"
  ids+=("$(sed -E 's/.*"id":"([^"]+)".*/\1/' <<<"$created")")
done
move feasibility
reviewer=(-H 'X-Polity-Dev-User: rita' -H 'X-Polity-Dev-Roles: reviewer' -H 'Content-Type: application/json')
for id in "${ids[@]}"; do
  path="http://127.0.0.1:$port/api/v1/processes/$process/projects/$id"
  v="$(curl -sf -D - -o /dev/null "$path" | etag)"
  v="$(curl -sf -D - -o /dev/null -X POST "$path/status" "${reviewer[@]}" -H "If-Match: \"$v\"" \
    -d '{"to": "UNDER_REVIEW", "why": {"en": "Studied."}}' | etag)"
  curl -sf -X PUT "$path/review" "${reviewer[@]}" -H "If-Match: \"$v\"" -d '{
    "checklist": {"ON_TERRITORY": true, "WITHIN_COMPETENCE": true, "WITHIN_MAXIMUM_COST": true,
                  "PUBLIC_INTEREST": true, "WITHIN_THEMES": true},
    "costEstimate": {"amount": "2000", "currency": "EUR"},
    "publicAnswer": {"en": "Feasible."}}' >/dev/null
done
move validation
for id in "${ids[@]}"; do
  path="http://127.0.0.1:$port/api/v1/processes/$process/projects/$id"
  v="$(curl -sf -D - -o /dev/null "$path" | etag)"
  curl -sf -X POST "$path/status" "${admin[@]}" -H "If-Match: \"$v\"" \
    -d '{"to": "ON_BALLOT", "why": {"en": "Validated."}}' >/dev/null
done
move vote
# The default form: an approval ballot of at least one project within the 100,000 EUR envelope.
curl -sf -X PUT "$api/$budget/vote" "${admin[@]}" -d "{\"opensAt\":\"$now\",\"closesAt\":\"$later\"}" >/dev/null
export POLITY_BENCH_PROJECTS="${ids[*]}"
lua="participation-standalone/bench/cast-ballots.lua"
echo "== warm-up: 60 s (the JIT compiles the hot path)"
wrk -t 2 -c "$clients" -d 60s --timeout 10s -s "$lua" "$api/$budget/ballots" -- warmup | grep VOTE-INTAKE-HTTP
acknowledged="$(curl -sf "$api/$budget/turnout" -H 'X-Polity-Dev-User: ada' -H 'X-Polity-Dev-Roles: administrator' \
  | sed -E 's/.*"total":([0-9]+).*/\1/')"
for run in $(seq 1 "$runs"); do
  echo "== REST API vote intake, run $run of $runs: $clients connections, ${seconds} s (load $(load))"
  read -r java_r0 java_c0 java_o0 <<<"$(jvm_ticks "$server")"
  pg_before="$(pg_ticks "$postmaster")"
  wrk_time="$(mktemp)"
  result="$(/usr/bin/time -o "$wrk_time" -f '%U %S' wrk -t 2 -c "$clients" -d "${seconds}s" --timeout 10s \
    -s "$lua" "$api/$budget/ballots" -- "run$run" | grep VOTE-INTAKE-HTTP)"
  read -r java_r1 java_c1 java_o1 <<<"$(jvm_ticks "$server")"
  pg_after="$(pg_ticks "$postmaster")"
  echo "$result (load after $(load))"
  requests="$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")"
  acknowledged=$((acknowledged + requests))
  # CPU per ballot: what an idle machine would have to give each ballot, whatever the load now.
  awk -v r=$((java_r1 - java_r0)) -v c=$((java_c1 - java_c0)) -v o=$((java_o1 - java_o0)) \
    -v p=$((pg_after - pg_before)) -v hz="$hz" -v n="$requests" -v w="$(awk '{print $1 + $2}' "$wrk_time")" 'BEGIN {
      f = 1000 / hz / n; rm = r * f; cm = c * f; om = o * f; pm = p * f; wm = w * 1000 / n;
      printf "CPU per ballot: server JVM %.2f ms (request threads %.2f, JIT compiler %.2f, other %.2f), PostgreSQL %.2f ms, wrk %.2f ms; total %.2f ms, i.e. at most %.0f ballots/s on 2 idle cores (%.0f without the JIT)\n",
        rm + cm + om, rm, cm, om, pm, wm, rm + cm + om + pm + wm, 2000 / (rm + cm + om + pm + wm), 2000 / (rm + om + pm + wm) }'
  rm -f "$wrk_time"
done
turnout="$(curl -sf "$api/$budget/turnout" -H 'X-Polity-Dev-User: ada' -H 'X-Polity-Dev-Roles: administrator')"
counted="$(sed -E 's/.*"total":([0-9]+).*/\1/' <<<"$turnout")"
echo "turnout read back: $counted counted; acknowledged to wrk: $acknowledged (wrk leaves up to $clients requests in flight per run, which it does not count)"
if [ "$counted" -lt "$acknowledged" ] || [ "$counted" -gt $((acknowledged + clients * runs)) ]; then
  echo "MISMATCH: the turnout must be between the ballots acknowledged and that plus the requests in flight"
  exit 1
fi

if [ "$direct" = "direct" ]; then
  kill "$server"; wait "$server" 2>/dev/null || true
  echo "== in-process: REST API with the JDK client, then the BallotBox bean without HTTP (load $(load))"
  mvn -B -q -pl participation-standalone -am test -Dtest=VoteIntakeBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dpolity.bench=true -Dpolity.bench.pool="$pool" \
    -Dpolity.bench.clients="$clients" -Dpolity.bench.ballots=20000 2>&1 | grep -E 'VOTE-INTAKE|BALLOT-BOX-DIRECT|FAIL|ERROR' || true
fi
