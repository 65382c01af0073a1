#!/usr/bin/env bash
# Benchmarks resume processing and recommendations (not part of the tests): extract + embed per file for
# generated 1-page and 5-page PDF resumes (the API's DocumentTextExtractor, skill extraction and local MiniLM
# model, in process), then seeds 100,000 job vectors (as scripts/bench-jobs.sh does) and measures the SQL of
# GET /api/jobs/recommended (HNSW nearest to a row of ottobon.resume_embeddings), p50/p99 over 200 resumes.
#
#   scripts/bench-resumes.sh [benchmark options...]    e.g. --resume-files 10 --queries 100 (see --help)
#
# Same database/API handling as scripts/bench-jobs.sh (scripts/bench-lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
if [[ ${1:-} == -h || ${1:-} == --help ]]; then bench_help "$0" 2 8; exit 0; fi
bench_init bench-resumes
bench_prepare
bench_start_api
rc=0; bench_run --scenario resumes --jobs 1000 "$@" || rc=$?
exit $rc
