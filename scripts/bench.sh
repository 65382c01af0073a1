#!/usr/bin/env bash
# The performance benchmark: every figure of the performance goals beside a baseline measured in the same run
# (absolute timings on a shared 2-core machine swing with load; the ratios are what count). Not a test.
#
#   scripts/bench.sh [--quick] [--json PATH] [--only PART,PART...]
#
#   --quick     smaller sizes, under 10 minutes on a 2-core machine (the full run takes under 30)
#   --json      also write the figures (with the load average and each part's exit code) to PATH
#   --only      run some parts: feed, chat, rebuild, ingestion, search, embeddings, startup
#
# Starts its own PostgreSQL cluster (durable settings, port $OTTOBON_BENCH_PG_PORT, default 55439, data in
# .data/bench), builds the API and the benchmark in Release once, then runs each part on a fresh database with its
# own API process (scripts/bench-<part>.sh). Each part prints `FIGURE {json}` lines; the last step prints one
# `name | value | baseline | ratio | goal | PASS/MISS` line per figure. Logs: .data/bench/run-<time>/.
# Baselines in the same run: a plain ASP.NET Core + Npgsql keyset endpoint (feed), pgbench simple-update (chat),
# reading the raw events (rebuild), MiniLM alone (ingestion, embeddings), the exact scan (search), a plain
# ASP.NET Core app (startup).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

quick=0
json=""
only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1; shift ;;
    --json) json="$(realpath -m "${2:?--json needs a path}")"; shift 2 ;;
    --only) only="${2:?--only needs a list of parts}"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# Each part: its script and its options in full and in quick mode.
declare -A script=(
  [feed]=scripts/bench-feed.sh [chat]=scripts/bench-chat.sh [rebuild]=scripts/bench-rebuild.sh
  [ingestion]=scripts/bench-ingestion.sh [search]=scripts/bench-jobs.sh [embeddings]=scripts/bench-embeddings.sh
  [startup]=scripts/bench-startup.sh
)
declare -A full=(
  [feed]="--jobs 10000 --duration 10"
  [chat]="--sessions 500 --messages 3 --steady-rate 50 --steady-seconds 30 --pgbench-seconds 10"
  [rebuild]="--events 40000"
  [ingestion]="--postings 2000"
  [search]="--vectors 100000"
  [embeddings]="--embed-samples 200"
  [startup]="--starts 5 --idle 3"
)
declare -A fast=(
  [feed]="--jobs 10000 --duration 4"
  [chat]="--sessions 200 --messages 3 --steady-rate 50 --steady-seconds 10 --pgbench-seconds 5"
  [rebuild]="--events 10000"
  [ingestion]="--postings 300 --embed-samples 60"
  [search]="--vectors 20000 --jobs 2000 --duration 3 --queries 100"
  [embeddings]="--embed-samples 48"
  [startup]="--starts 3 --idle 2"
)
order=(feed chat rebuild ingestion search embeddings startup)
if [[ -n $only ]]; then
  IFS=, read -r -a order <<<"$only"
  for part in "${order[@]}"; do [[ -n ${script[$part]:-} ]] || { echo "bench: no part named '$part'" >&2; exit 2; }; done
fi

# Our own cluster: the developer's cluster (and its fast, non-durable test settings) stays untouched.
export OTTOBON_PG_STATE="$REPO/.data/bench"
export OTTOBON_PG_PORT="${OTTOBON_BENCH_PG_PORT:-55439}"
export OTTOBON_PG_STAT_STATEMENTS=1   # the chat part counts SQL statements per message from it
unset OTTOBON_PG_FAST

run="$OTTOBON_PG_STATE/run-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$run"
sampler=""
cleanup() {
  [[ -n $sampler ]] && kill "$sampler" 2>/dev/null || true
  scripts/db.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

scripts/install-deps.sh
scripts/db.sh stop >/dev/null 2>&1 || true   # a fresh start, so the preloaded library is in
scripts/db.sh start
echo "bench: building the API and the benchmark (Release)"
dotnet build src/OttobonJobs.Api/OttobonJobs.Api.csproj -c Release -v quiet -nologo
dotnet build benchmarks/OttobonJobs.Benchmarks/OttobonJobs.Benchmarks.csproj -c Release -v quiet -nologo
export OTTOBON_BENCH_NO_BUILD=1

{
  echo "mode=$([[ $quick -eq 1 ]] && echo quick || echo full)"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$([[ -n $(git status --porcelain 2>/dev/null) ]] && echo +changes)"
  echo "started=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$run/meta.txt"
(while true; do cat /proc/loadavg >>"$run/load.txt"; sleep 5; done) &
sampler=$!

for part in "${order[@]}"; do
  if [[ $quick -eq 1 ]]; then args="${fast[$part]}"; else args="${full[$part]}"; fi
  log="$run/$part.log"
  echo "bench: [$part] ${script[$part]} $args  (log: $log)"
  started=$SECONDS
  rc=0
  # shellcheck disable=SC2086 # the options are words
  "${script[$part]}" $args >"$log" 2>&1 || rc=$?
  printf '%s\t%s\t%s\t%s\n' "$part" "$rc" "$((SECONDS - started))" "$log" >>"$run/parts.tsv"
  grep -h '^FIGURE ' "$log" | sed 's/^FIGURE /  /' || true
  [[ $rc -eq 0 ]] || { echo "bench: [$part] exited with $rc; last lines:"; tail -n 15 "$log"; }
done

kill "$sampler" 2>/dev/null || true
sampler=""
echo "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$run/meta.txt"
dotnet benchmarks/OttobonJobs.Benchmarks/bin/Release/net10.0/OttobonJobs.Benchmarks.dll summarize --run "$run" ${json:+--json "$json"}
