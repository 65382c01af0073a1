#!/usr/bin/env bash
# Benchmarks startup and memory (not part of the tests): on a throwaway database that one API start has migrated,
#   starts the Release API dll (Production: the pre-generated handler code, TypeLoadMode.Static) N times and a plain
#   ASP.NET Core app (the baseline, inside the benchmark dll) N times, alternating; reports the median time from
#   process start to the first 200 from /api/health/ready, the CPU time to ready, the idle RSS, and the RSS after one
#   search (which loads the MiniLM model).
#
#   scripts/bench-startup.sh [benchmark options...]     e.g. --starts 3 --idle 2 (see --help)
#   OTTOBON_BENCH_R2R=1 scripts/bench-startup.sh        measure a ReadyToRun publish instead, as the Docker image
#                                                       runs it (crossgen takes minutes the first time)
#
# Uses the project's PostgreSQL cluster (scripts/db.sh), like the other bench-*.sh scripts (scripts/bench-lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
if [[ ${1:-} == -h || ${1:-} == --help ]]; then bench_help "$0" 2 12; exit 0; fi
bench_init bench-startup
bench_prepare
# One start applies the schema to the fresh database; the measured starts then find it migrated. Stopped again so
# each measured start is the only node (the leader), as a single production node is.
bench_start_api
bench_stop_api
measured_dll="$api_dll"
if [[ -n ${OTTOBON_BENCH_R2R:-} ]]; then
  say "publishing the API with ReadyToRun into .data/bench-startup-r2r (as the Dockerfile does)"
  dotnet publish src/OttobonJobs.Api/OttobonJobs.Api.csproj -c Release -o "$REPO/.data/bench-startup-r2r" -v quiet -nologo \
    --use-current-runtime --self-contained false -p:PublishReadyToRun=true
  measured_dll="$REPO/.data/bench-startup-r2r/OttobonJobs.Api.dll"
fi
rc=0; dotnet "$bench_dll" --scenario startup --database "$db_url" --api-dll "$measured_dll" "$@" || rc=$?
exit $rc
