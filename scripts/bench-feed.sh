#!/usr/bin/env bash
# Benchmarks GET /api/jobs/feed against its baseline on a throwaway database (not part of the tests): seeds
#   10,000 job streams through Marten, walks the whole feed by cursor (each job exactly once), prints the
#   EXPLAIN ANALYZE of the feed query at the deepest page, then measures the first page and random cursor
#   pages through the API and the same pages through a plain ASP.NET Core + Npgsql endpoint (same keyset SQL).
#
#   scripts/bench-feed.sh [benchmark options...]     e.g. --duration 5 --workers 8 (see --help)
#
# Uses the project's PostgreSQL cluster (scripts/db.sh) and an API on a free local port, like bench-jobs.sh;
# the database is dropped and the API stopped on exit (scripts/bench-lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
if [[ ${1:-} == -h || ${1:-} == --help ]]; then bench_help "$0" 2 9; exit 0; fi
bench_init bench-feed
bench_prepare
bench_start_api
rc=0; bench_run --scenario feed "$@" || rc=$?
exit $rc
