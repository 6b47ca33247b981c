#!/usr/bin/env bash
# The demo: a small architecture search on the real Fashion-MNIST, on the embedded defaults, with the live
# leaderboard at http://127.0.0.1:8080/. The service keeps running after the search so the leaderboard stays
# open; Ctrl-C stops it. Extra arguments go to `autocnn run` after the demo's own and override them
# (e.g. ./demo.sh --budget 30m --trials 60).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$ROOT/bin/install-prerequisites"
PORT="${AUTOCNN_PORT:-8080}"
DATA="$ROOT/runs/demo-data"
mkdir -p "$DATA"

# Two trials at a time, one native thread each: the fastest sweep on two cores (bench/results/trainer-levers-*.md).
"$ROOT/bin/autocnn" serve --port "$PORT" --data-dir "$DATA" --concurrency 2 --threads-per-trial 1 \
  > "$DATA/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null' EXIT INT TERM
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break
  kill -0 $SERVICE 2>/dev/null || { cat "$DATA/service.log"; exit 1; }
  sleep 1
done
echo "leaderboard: http://127.0.0.1:$PORT/"
"$ROOT/bin/autocnn" run "$ROOT/examples/lenet-space.yaml" --server "http://127.0.0.1:$PORT" \
  --limit 12000 --test-limit 2000 --trials 40 --budget 10m --concurrency 2 "$@"
echo "The search has ended; the leaderboard stays at http://127.0.0.1:$PORT/ until Ctrl-C."
wait $SERVICE
