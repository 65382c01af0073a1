#!/usr/bin/env bash
# Benchmarks the jobs read path and vector search on a throwaway database (not part of the tests):
#   seeds 10,000 job streams through Marten + 90,000 vector-only rows by COPY, then measures
#   GET /api/jobs/feed and /api/jobs/{id}/details under load, the HNSW query (latency, recall@10 vs an
#   exact scan) and GET /api/jobs/search end to end, against the real API built in Release.
#
#   scripts/bench-jobs.sh [benchmark options...]     e.g. --duration 5 --workers 4 (see --help)
#
# Uses the project's PostgreSQL cluster (scripts/db.sh; started if it is not running, left as it is
# if it is) and an API on a free local port ($OTTOBON_BENCH_PORT to choose one). The database
# (ottobon_bench_<random>) is dropped and the API stopped on exit, whatever happens (scripts/bench-lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
if [[ ${1:-} == -h || ${1:-} == --help ]]; then bench_help "$0" 2 11; exit 0; fi
bench_init bench-jobs
bench_prepare
# Search is rate limited per client (60/min by default): the benchmark asks more than that.
bench_start_api Ottobon__RateLimits__SearchRequestsPerMinute=100000
rc=0; bench_run --scenario jobs "$@" || rc=$?
exit $rc
