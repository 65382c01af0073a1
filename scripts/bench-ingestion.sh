#!/usr/bin/env bash
# Benchmarks ingestion end to end with the local AI (not part of the tests): the benchmark serves a
# generated PwC/Workday career site with 2,000 distinct entry-level postings on loopback, the API (scraper
# mode live, PwC pointed at that site, the other sources at a closed port) is told to ingest PwC, and the
# benchmark polls /api/admin/jobs/stats until every posting is active: jobs per second end to end, printed
# next to the local MiniLM embedding model's own throughput measured in the same run.
#
#   scripts/bench-ingestion.sh [benchmark options...]    e.g. --postings 500 --timeout 120 (see --help)
#
# Same database/API handling as scripts/bench-jobs.sh (scripts/bench-lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
if [[ ${1:-} == -h || ${1:-} == --help ]]; then bench_help "$0" 2 10; exit 0; fi
bench_init bench-ingestion
bench_prepare
site_port="$(bench_free_port)"
admin_email="bench-admin@ottobon.test"
admin_password="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
closed="http://127.0.0.1:9" # discard port: nothing listens, a source pointed here fails fast (and none is run)
bench_start_api \
  Ottobon__Scrapers__Mode=live \
  "Ottobon__Scrapers__Workday__Tenants__0__BaseUrl=http://127.0.0.1:$site_port" \
  Ottobon__Scrapers__Workday__Tenants__0__MaxJobsPerRun=10000 \
  "Ottobon__Scrapers__Deloitte__BaseUrl=$closed" \
  "Ottobon__Scrapers__OracleHcm__Tenants__0__BaseUrl=$closed" \
  "Ottobon__Scrapers__Ey__BaseUrl=$closed" \
  "Ottobon__Scrapers__Greenhouse__Boards__0__BaseUrl=$closed" "Ottobon__Scrapers__Greenhouse__Boards__1__BaseUrl=$closed" \
  "Ottobon__Scrapers__Lever__Boards__0__BaseUrl=$closed" "Ottobon__Scrapers__Lever__Boards__1__BaseUrl=$closed" \
  "Ottobon__Scrapers__Ashby__Boards__0__BaseUrl=$closed" "Ottobon__Scrapers__Ashby__Boards__1__BaseUrl=$closed" \
  "OTTOBON_ADMIN_EMAIL=$admin_email" \
  "OTTOBON_ADMIN_PASSWORD=$admin_password"
rc=0
bench_run --scenario ingestion --site-port "$site_port" --admin-email "$admin_email" --admin-password "$admin_password" "$@" || rc=$?
exit $rc
