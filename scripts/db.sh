#!/usr/bin/env bash
# The project's own PostgreSQL 15 (+ pgvector) cluster: no system service, no root daemon.
#
#   scripts/db.sh start            init on first use, start if stopped, make role/db/extension exist
#   scripts/db.sh stop
#   scripts/db.sh status           exit 0 when running, 3 when not
#   scripts/db.sh url [DATABASE]   Npgsql connection string (database defaults to ottobon)
#   scripts/db.sh psql [ARGS...]   psql as ottobon over TCP
#
# Data in <repo>/.data/pg, socket in <repo>/.data/pg-run, role password in <repo>/.data/pg-password.
# Port: $OTTOBON_PG_PORT (default 55432). OTTOBON_PG_FAST=1 turns off durability (tests only).
# OTTOBON_PG_STATE moves all of it (data, socket, password) elsewhere: scripts/bench.sh runs its own cluster.
# OTTOBON_PG_STAT_STATEMENTS=1 preloads pg_stat_statements (on a start, not a reload) and creates it in new databases.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${OTTOBON_PG_STATE:-$REPO/.data}"
PGBIN=/usr/lib/postgresql/15/bin
PORT="${OTTOBON_PG_PORT:-55432}"
ROLE=ottobon
DB=ottobon
PASSWORD_FILE="$STATE/pg-password"
LOCATION_FILE="$STATE/pg-location"   # present only when the cluster lives outside the repo

die() { echo "db.sh: $*" >&2; exit 1; }

[[ -x $PGBIN/postgres ]] || die "PostgreSQL 15 is not installed; run scripts/install-deps.sh"

# initdb and pg_ctl refuse to run as root, so root runs the cluster as the postgres system user.
if [[ $EUID -eq 0 ]]; then
  OWNER=postgres
  id "$OWNER" >/dev/null 2>&1 || die "no 'postgres' system user; run scripts/install-deps.sh"
else
  OWNER="$(id -un)"
fi

# Run a command as the cluster owner, from / so an unreadable working directory doesn't bother it.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u "$OWNER" -- "$@")
  else
    (cd / && "$@")
  fi
}

# Where the cluster lives: <repo>/.data unless the postgres user cannot reach it (e.g. repo under
# /root), or the socket path would exceed the ~107-byte limit of unix socket names.
locate_cluster() {
  if [[ -f $LOCATION_FILE ]]; then
    BASE="$(cat "$LOCATION_FILE")"
  elif [[ -d $STATE/pg ]]; then
    BASE="$STATE"
  else
    BASE="$STATE"
    local reachable=1
    if [[ $EUID -eq 0 ]]; then
      mkdir -p "$STATE"
      chmod a+x "$STATE"   # traversal only; the password file itself stays 600
      as_owner test -x "$STATE" || reachable=0
    fi
    if [[ $reachable -eq 0 || ${#STATE} -gt 80 ]]; then
      BASE="/var/tmp/ottobon-pg-$(printf '%s' "$REPO" | sha256sum | cut -c1-12)"
      mkdir -p "$STATE"
      echo "$BASE" >"$LOCATION_FILE"
      echo "db.sh: $STATE is not usable for the cluster; using $BASE instead (recorded in $LOCATION_FILE)"
    fi
  fi
  PGDATA="$BASE/pg"
  RUNDIR="$BASE/pg-run"
  LOG="$RUNDIR/postgres.log"
}

password() {
  if [[ ! -s $PASSWORD_FILE ]]; then
    mkdir -p "$STATE"
    # Hex only: nothing that needs quoting in a connection string or SQL.
    (umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$PASSWORD_FILE")
  fi
  chmod 600 "$PASSWORD_FILE"
  cat "$PASSWORD_FILE"
}

url() {
  echo "Host=127.0.0.1;Port=$PORT;Database=${1:-$DB};Username=$ROLE;Password=$(password)"
}

is_running() {
  [[ -f $PGDATA/PG_VERSION ]] && as_owner "$PGBIN/pg_ctl" status -D "$PGDATA" >/dev/null 2>&1
}

# Settings we own, in a file postgresql.conf includes; rewritten on every start so that
# OTTOBON_PG_FAST can be switched (all of these except port/sockets apply on reload).
write_settings() {
  local fast=off
  [[ ${OTTOBON_PG_FAST:-0} == 1 ]] && fast=on
  local durable=on; [[ $fast == on ]] && durable=off
  as_owner tee "$PGDATA/ottobon.conf" >/dev/null <<EOF
# Written by scripts/db.sh on every start; edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$RUNDIR'
max_connections = 300
password_encryption = 'scram-sha-256'
# OTTOBON_PG_FAST=1 (tests): durability off, a crash may lose the cluster.
fsync = $durable
synchronous_commit = $durable
full_page_writes = $durable
EOF
  if [[ ${OTTOBON_PG_STAT_STATEMENTS:-0} == 1 ]]; then
    echo "shared_preload_libraries = 'pg_stat_statements'" | as_owner tee -a "$PGDATA/ottobon.conf" >/dev/null
  fi
}

init_cluster() {
  echo "db.sh: creating a new cluster in $PGDATA"
  mkdir -p "$PGDATA" "$RUNDIR"
  [[ $EUID -eq 0 ]] && chown "$OWNER": "$PGDATA" "$RUNDIR"
  chmod 700 "$PGDATA" "$RUNDIR"
  # Socket: peer auth (only the owner can reach the socket anyway). TCP: passwords, scram only.
  as_owner "$PGBIN/initdb" -D "$PGDATA" --auth-local=peer --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  echo "include_if_exists = 'ottobon.conf'" | as_owner tee -a "$PGDATA/postgresql.conf" >/dev/null
}

# Admin SQL over the socket as the cluster's superuser.
admin_psql() {
  PGOPTIONS='-c client_min_messages=warning' as_owner "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$RUNDIR" -p "$PORT" -d postgres "$@"
}

# Idempotent: role (with CREATEDB for the per-test-class databases), vector and pg_trgm in template1 so every
# new database has it, then the ottobon database itself.
provision() {
  admin_psql -v pw="$(password)" -v role="$ROLE" -v db="$DB" -v stat_statements="${OTTOBON_PG_STAT_STATEMENTS:-0}" <<'SQL'
SELECT format('CREATE ROLE %I', :'role')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN CREATEDB PASSWORD :'pw';
\c template1
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SELECT 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' WHERE :'stat_statements' = '1' \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
\c :"db"
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
}

wait_ready() {
  for _ in $(seq 1 60); do
    "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && return 0
    sleep 0.5
  done
  tail -n 30 "$LOG" >&2 || true
  die "PostgreSQL did not accept connections on 127.0.0.1:$PORT within 30 s (log: $LOG)"
}

start() {
  [[ -f $PGDATA/PG_VERSION ]] || init_cluster
  if is_running; then
    running_port="$(as_owner sed -n 4p "$PGDATA/postmaster.pid" 2>/dev/null || true)"
    [[ $running_port == "$PORT" ]] || die "cluster already running on port $running_port, not $PORT; run 'scripts/db.sh stop' first"
    # Reuse it; a reload picks up a changed OTTOBON_PG_FAST.
    write_settings
    as_owner "$PGBIN/pg_ctl" reload -D "$PGDATA" -s >/dev/null
  else
    "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && die "port $PORT is taken by another server; set OTTOBON_PG_PORT"
    write_settings
    # 9>&-: the server must not inherit (and so keep holding) our start/stop lock.
    as_owner "$PGBIN/pg_ctl" start -D "$PGDATA" -l "$LOG" -w -t 30 -s 9>&- ||
      { tail -n 30 "$LOG" >&2 || true; die "PostgreSQL failed to start (log: $LOG)"; }
  fi
  wait_ready
  provision
  echo "db.sh: PostgreSQL running on 127.0.0.1:$PORT (data: $PGDATA$([[ ${OTTOBON_PG_FAST:-0} == 1 ]] && echo ', fast mode'))"
}

stop() {
  if is_running; then
    as_owner "$PGBIN/pg_ctl" stop -D "$PGDATA" -m fast -w -s
    echo "db.sh: stopped"
  else
    echo "db.sh: not running"
  fi
}

status() {
  if is_running; then
    echo "db.sh: running on 127.0.0.1:$(as_owner sed -n 4p "$PGDATA/postmaster.pid") (data: $PGDATA)"
  else
    echo "db.sh: not running (data: $PGDATA)"
    return 3
  fi
}

locate_cluster
cmd="${1:-}"
shift || true
case "$cmd" in
  start|stop)
    # Several people and scripts share one tree: serialise start/stop.
    mkdir -p "$STATE"
    exec 9>"$STATE/db.lock"
    flock -w 120 9 || die "timed out waiting for another db.sh start/stop"
    "$cmd" ;;
  status) status ;;
  url) url "$@" ;;
  psql) PGPASSWORD="$(password)" exec "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DB" "$@" ;;
  *) sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
