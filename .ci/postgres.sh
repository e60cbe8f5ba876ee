#!/usr/bin/env bash
# Starts a private, throw-away PostgreSQL for the integration tests, on loopback only.
# Source it, then call start_test_postgres; it exports POLITY_TEST_POSTGRES_URL/_USER/_PASSWORD
# and registers stop_test_postgres to run on exit. The password is random, made at run time.
# Installs PostgreSQL from Debian's packages when it is missing.

start_test_postgres() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    echo "== Installing PostgreSQL from Debian's packages"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  fi
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  local port="${POLITY_TEST_POSTGRES_PORT:-}"
  if [ -z "$port" ]; then
    # The first free port from 55432: several runs on one machine must not collide.
    port=55432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
      port=$((port + 1))
    done
  fi
  POLITY_PG_DIR="$(mktemp -d /tmp/polity-test-pg.XXXXXX)"
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$POLITY_PG_DIR"
    as=(runuser -u postgres --)
  fi
  POLITY_PG_CTL=("${as[@]}" "$bin/pg_ctl")
  local password
  # 24 random hex digits; od reads exactly 12 bytes, so no reader closes a pipe early.
  password="$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')"
  echo "== Starting a test PostgreSQL on 127.0.0.1:$port ($("$bin/postgres" --version))"
  "${as[@]}" "$bin/initdb" -D "$POLITY_PG_DIR/data" -U polity_admin --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 >/dev/null
  "${POLITY_PG_CTL[@]}" -D "$POLITY_PG_DIR/data" -l "$POLITY_PG_DIR/data/server.log" -w \
    -o "-p $port -k $POLITY_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  trap stop_test_postgres EXIT
  "${as[@]}" "$bin/psql" -q -v ON_ERROR_STOP=1 -h "$POLITY_PG_DIR" -p "$port" -U polity_admin \
    -d postgres -c "CREATE ROLE polity_test LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE polity_test OWNER polity_test" >/dev/null
  export POLITY_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/polity_test"
  export POLITY_TEST_POSTGRES_USER="polity_test"
  export POLITY_TEST_POSTGRES_PASSWORD="$password"
  export POLITY_PG_BIN="$bin" POLITY_PG_PORT="$port"
}

stop_test_postgres() {
  if [ -n "${POLITY_PG_DIR:-}" ] && [ -d "$POLITY_PG_DIR/data" ]; then
    echo "== Stopping the test PostgreSQL"
    "${POLITY_PG_CTL[@]}" -D "$POLITY_PG_DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$POLITY_PG_DIR"
  fi
}
