#!/usr/bin/env bash
# Live leaderboard benchmark: page load time and push latency (event stored to applied in headless Chromium) with
# 100,000 trials stored. Writes bench/results/leaderboard.md. Needs chromium and chromium-driver
# (bin/install-prerequisites).
# Usage: bench/leaderboard.sh [trials] [page loads] [pushes] [ms between pushes]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
build_bench
export SPARK_LOCAL_IP=127.0.0.1
java "${JVM_FLAGS[@]}" -cp "$BASE_CP" io.autocnn.bench.LeaderboardLatency "${1:-100000}" "${2:-5}" "${3:-500}" "${4:-20}"
