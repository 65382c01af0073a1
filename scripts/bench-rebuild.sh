#!/usr/bin/env bash
# Benchmarks projection rebuilds (not part of the tests): seeds about 40,000 events through Marten's event store
# (jobs scraped or posted, enriched, embedded and activated; chat sessions; seekers with resumes; ingestion runs),
# reads them all back raw (plain Npgsql + Marten's serializer: the baseline), then rebuilds every stored projection
# one after another as `read-models-rebuild` does and prints each one's events/s against that baseline.
#
#   scripts/bench-rebuild.sh [benchmark options...]    e.g. --events 10000 for a quick run (see --help)
#
# Uses the project's PostgreSQL cluster (scripts/db.sh) and a throwaway database, dropped on exit
# (scripts/bench-lib.sh). No API is started: the benchmark talks to the database only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
if [[ ${1:-} == -h || ${1:-} == --help ]]; then bench_help "$0" 2 10; exit 0; fi
bench_init bench-rebuild
bench_prepare
rc=0; dotnet "$bench_dll" --database "$db_url" --scenario rebuild "$@" || rc=$?
[[ $rc -eq 0 ]] || say "the benchmark exited with $rc"
exit $rc
