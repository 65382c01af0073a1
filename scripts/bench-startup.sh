#!/usr/bin/env bash
# Benchmarks startup and memory (not part of the tests): on a throwaway database that one API start has migrated,
#   starts the Release API dll (Production: the pre-generated handler code, TypeLoadMode.Static) N times and a plain
#   ASP.NET Core app (the baseline, inside the benchmark dll) N times, alternating; reports the median time from
#   process start to the first 200 from /api/health/ready, the CPU time to ready, the idle RSS, and the RSS after one
#   search (which loads the MiniLM model).
#
#   scripts/bench-startup.sh [benchmark options...]     e.g. --starts 3 --idle 2 (see --help)
#
# Uses the project's PostgreSQL cluster (scripts/db.sh), like the other bench-*.sh scripts (scripts/bench-lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
if [[ ${1:-} == -h || ${1:-} == --help ]]; then bench_help "$0" 2 10; exit 0; fi
bench_init bench-startup
bench_prepare
# One start applies the schema to the fresh database; the measured starts then find it migrated. Stopped again so
# each measured start is the only node (the leader), as a single production node is.
bench_start_api
bench_stop_api
rc=0; dotnet "$bench_dll" --scenario startup --database "$db_url" --api-dll "$api_dll" "$@" || rc=$?
exit $rc
