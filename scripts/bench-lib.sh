#!/usr/bin/env bash
# Shared by the scripts/bench-*.sh benchmarks (sourced, not run): builds the API and the benchmark in Release,
# creates a throwaway database, starts the API dll on a free local port with extra environment, waits for
# /api/health/ready, runs the benchmark, and on exit (also on failure or Ctrl+C) stops the API by its PID and
# drops the database.
#
#   source scripts/bench-lib.sh; bench_init NAME
#   bench_prepare                           deps, cluster, build, fresh database ($bench_db, $db_url)
#   bench_free_port                         prints a free local port ($OTTOBON_BENCH_PORT to choose the API's)
#   bench_start_api [KEY=VALUE...]          starts the API with these extra environment variables ($api_url)
#   bench_run [benchmark options...]        runs the benchmark against them; returns its exit code

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

api_pid=""
bench_db=""
db_url=""
api_url=""
api_log="$REPO/.data/bench-api.log"
api_dll="$REPO/src/OttobonJobs.Api/bin/Release/net10.0/OttobonJobs.Api.dll"
bench_dll="$REPO/benchmarks/OttobonJobs.Benchmarks/bin/Release/net10.0/OttobonJobs.Benchmarks.dll"
bench_name="bench"

say() { echo "$bench_name: $*"; }

bench_init() {
  bench_name="$1"
  api_log="$REPO/.data/$1-api.log"
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_help() { # bench_help SCRIPT FIRST_LINE LAST_LINE: the script's header, then the benchmark's options
  sed -n "$2,$3p" "$1"
  echo
  if [[ -f $bench_dll ]]; then dotnet "$bench_dll" --help; else echo "(build once to see the benchmark options: they are in benchmarks/OttobonJobs.Benchmarks/Options.cs)"; fi
}

bench_stop_api() {
  if [[ -n $api_pid ]] && kill -0 "$api_pid" 2>/dev/null; then
    say "stopping the API (pid $api_pid)"
    kill -TERM "$api_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$api_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  api_pid=""
}

bench_drop_db() {
  if [[ -n $bench_db ]]; then
    say "dropping database $bench_db"
    scripts/db.sh psql -X -q -c "DROP DATABASE IF EXISTS \"$bench_db\" WITH (FORCE)" >/dev/null 2>&1 ||
      say "WARNING: could not drop $bench_db"
  fi
  bench_db=""
}

bench_cleanup() {
  bench_stop_api
  bench_drop_db
}

bench_prepare() {
  scripts/install-deps.sh
  # Start the cluster only when it is down: `db.sh start` on a running cluster rewrites its durability
  # settings, which would change them under whoever else is using it.
  if scripts/db.sh status >/dev/null 2>&1; then
    say "reusing the running cluster: $(scripts/db.sh status)"
  else
    scripts/db.sh start
  fi

  if [[ -n ${OTTOBON_BENCH_NO_BUILD:-} && -f $api_dll && -f $bench_dll ]]; then
    say "OTTOBON_BENCH_NO_BUILD is set: using the existing Release builds"
  else
    say "building the API and the benchmark (Release)"
    dotnet build src/OttobonJobs.Api/OttobonJobs.Api.csproj -c Release -v quiet -nologo
    dotnet build benchmarks/OttobonJobs.Benchmarks/OttobonJobs.Benchmarks.csproj -c Release -v quiet -nologo
  fi
  [[ -f $api_dll && -f $bench_dll ]] || { say "build output missing ($api_dll, $bench_dll)"; exit 1; }

  # A fresh database (template1 brings pgvector).
  bench_db="ottobon_bench_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  scripts/db.sh psql -X -q -c "CREATE DATABASE \"$bench_db\""
  db_url="$(scripts/db.sh url "$bench_db")"
  say "created database $bench_db"
}

bench_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

bench_free_port() {
  local candidate
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 20000))
    if bench_port_free "$candidate"; then echo "$candidate"; return 0; fi
  done
  say "no free port found" >&2
  return 1
}

bench_start_api() {
  local port="${OTTOBON_BENCH_PORT:-}"
  if [[ -z $port ]]; then
    port="$(bench_free_port)" || exit 1
  elif ! bench_port_free "$port"; then
    say "port $port is in use"; exit 1
  fi
  api_url="http://127.0.0.1:$port"

  mkdir -p "$(dirname "$api_log")"
  # Run the built dll from its own folder (where the host finds appsettings.json). Its own signing key,
  # so the run neither needs nor touches the developer's key file; no nightly ingestion firing mid-run.
  (
    cd "$(dirname "$api_dll")"
    export OTTOBON_DATABASE_URL="$db_url"
    export ASPNETCORE_URLS="$api_url"
    export OTTOBON_JWT_SECRET="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
    export Logging__LogLevel__Default=Warning
    export Ottobon__Ingestion__ScheduleEnabled=false
    for assignment in "$@"; do export "${assignment?}"; done
    exec dotnet "$api_dll"
  ) >"$api_log" 2>&1 &
  api_pid=$!
  say "started the API (pid $api_pid) on $api_url, log: $api_log"

  local ready=0
  for _ in $(seq 1 120); do
    if ! kill -0 "$api_pid" 2>/dev/null; then
      say "the API exited during startup:"; tail -n 40 "$api_log" >&2; exit 1
    fi
    if curl -fsS -o /dev/null "$api_url/api/health/ready" 2>/dev/null; then ready=1; break; fi
    sleep 0.5
  done
  [[ $ready -eq 1 ]] || { say "the API was not ready within 60 s:"; tail -n 40 "$api_log" >&2; exit 1; }
  say "the API is ready"
}

bench_run() {
  local rc=0
  dotnet "$bench_dll" --database "$db_url" --api "$api_url" "$@" || rc=$?
  if [[ $rc -ne 0 ]]; then
    say "the benchmark exited with $rc"
    if ! kill -0 "$api_pid" 2>/dev/null; then
      local api_rc=0; wait "$api_pid" 2>/dev/null || api_rc=$?
      say "the API (pid $api_pid) had exited, with code $api_rc$([[ $api_rc -gt 128 ]] && echo " (signal $((api_rc - 128)))")"
      api_pid=""
    fi
    say "last lines of the API log ($api_log):"
    tail -n 20 "$api_log" >&2 || true
  fi
  return $rc
}
