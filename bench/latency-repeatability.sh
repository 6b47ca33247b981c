#!/usr/bin/env bash
# How repeatable the search's measured latency is (the figure maxLatencyMs and --second-objective latency use): each
# network measured several times alone and beside two training trials, one native thread as bin/autocnn sets it for
# a 2-core search. Usage: bench/latency-repeatability.sh [rounds] [modern-space draws]
# Writes bench/results/latency-repeatability.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source bench/lib.sh
build_bench
OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" java "${JVM_FLAGS[@]}" -Xmx6g -cp "$BASE_CP" \
  io.autocnn.bench.LatencyRepeatability "${1:-5}" "${2:-3}"
