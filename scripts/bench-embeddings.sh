#!/usr/bin/env bash
# Benchmarks the local MiniLM embedding model in process (not part of the tests; no database, no API): the model
# alone with ONNX's default threading, then the API's MiniLmEmbeddingGenerator with its configured sessions and
# threads, texts per second each.
#
#   scripts/bench-embeddings.sh [benchmark options...]    e.g. --embed-samples 100 (see --help)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
if [[ ${1:-} == -h || ${1:-} == --help ]]; then bench_help "$0" 2 6; exit 0; fi
bench_init bench-embeddings
if [[ -n ${OTTOBON_BENCH_NO_BUILD:-} && -f $bench_dll ]]; then
  say "OTTOBON_BENCH_NO_BUILD is set: using the existing Release build"
else
  dotnet build benchmarks/OttobonJobs.Benchmarks/OttobonJobs.Benchmarks.csproj -c Release -v quiet -nologo
fi
dotnet "$bench_dll" --scenario embeddings "$@"
