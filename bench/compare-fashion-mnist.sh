#!/usr/bin/env bash
# The issue's real comparison: hand-built LeNet-5 against the architecture search on all of Fashion-MNIST under the
# same wall-clock budget, one after the other on this machine. Copies the report (report.md, report.html,
# compare.csv, the PNG plots, both chosen models' per-epoch metrics and the search's trials; not the checkpoints) to
# bench/results/compare-fashion-mnist-<budget>/ and the console output beside it.
# Usage: [COMPARE_RESULTS_NAME=name] bench/compare-fashion-mnist.sh [budget] [extra autocnn compare options...]
# COMPARE_RESULTS_NAME names the results folder (default compare-fashion-mnist-<budget>), so a run with other options
# does not replace a committed one. The committed runs (about 2 h 15 min each on 2 cores):
#   bench/compare-fashion-mnist.sh 2h --max-epochs 20
#   COMPARE_RESULTS_NAME=compare-fashion-mnist-2h-modern-space bench/compare-fashion-mnist.sh 2h \
#     --space examples/modern-space.yaml --augment-shift 2 --augment-flip --patience 5
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUDGET="${1:-2h}"
shift || true
RUN="$ROOT/runs/compare-fashion-mnist-$BUDGET-$(date -u +%Y%m%d-%H%M%S)"
OUT="$ROOT/bench/results/${COMPARE_RESULTS_NAME:-compare-fashion-mnist-$BUDGET}"
cd "$ROOT"
mkdir -p runs

# --rungs 3 (4/3, 4 and 12 epochs) lets at least one trial of the 12-epoch space finish in two hours; --trials 300
# leaves the budget, not the trial count, to end the search.
# The default space only when no --space is given, so the report's command line names the space that ran.
SPACE=(--space examples/fashion-mnist-2h-space.yaml)
for arg in "$@"; do
  [[ $arg == --space || $arg == --space=* ]] && SPACE=()
done
bin/autocnn compare --dataset fashion-mnist --budget "$BUDGET" "${SPACE[@]}" \
  --rungs 3 --trials 300 --seed 1 --out "$RUN" "$@" | tee "$RUN.log"

mkdir -p "$OUT"
cp "$RUN"/report.md "$RUN"/report.html "$RUN"/compare.csv "$RUN"/*.png "$OUT"/
cp "$RUN"/repetition-1/*-metrics.csv "$RUN"/repetition-1/search-trials.csv "$OUT"/
tr '\r' '\n' < "$RUN.log" | grep -v '^\s*$' > "$OUT/console.txt"
echo "wrote $OUT" >&2
