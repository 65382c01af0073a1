#!/usr/bin/env bash
# Benchmarks the chat with the local coach (not part of the tests): signs up 500 seekers, opens a general
# chat session and a WebSocket (/ws/chat/{id}) for each, all at once, then every session sends messages one
# after another and times each until the coach's ai_reply frame: round-trip p50/p99 and messages per second.
#
#   scripts/bench-chat.sh [benchmark options...]    e.g. --sessions 200 --messages 3 (see --help)
#
# Same database/API handling as scripts/bench-jobs.sh (scripts/bench-lib.sh); the API's per-IP sign-up rate
# limit is raised for the run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
if [[ ${1:-} == -h || ${1:-} == --help ]]; then bench_help "$0" 2 8; exit 0; fi
bench_init bench-chat
bench_prepare
bench_start_api Ottobon__AuthRequestsPerMinute=100000
rc=0; bench_run --scenario chat "$@" || rc=$?
exit $rc
