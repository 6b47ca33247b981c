#!/usr/bin/env bash
# Sampler quality on real data: random, grid, evolutionary and TPE each run the same number of real trials of
# bench/spaces/lenet-quick.yaml (grid: its discretised twin) on a 6,000-image Fashion-MNIST sample, with the FIFO
# scheduler so every trial trains the same half epoch and validation errors are comparable. Prints and writes
# bench/results/samplers-fashion-mnist.md: best validation error after 5, 10, 20 and all trials.
# Usage: bench/samplers-fashion-mnist.sh [trials] [seed]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRIALS="${1:-24}"
SEED="${2:-1}"
WORK="$(mktemp -d)"
cd "$ROOT"
source bench/lib.sh

declare -A SPACE=([random]=lenet-quick [grid]=lenet-quick-grid [evolutionary]=lenet-quick [tpe]=lenet-quick)
ROWS=""
for sampler in random grid evolutionary tpe; do
  start=$(date +%s)
  bin/autocnn search "bench/spaces/${SPACE[$sampler]}.yaml" --dataset fashion-mnist --limit 6000 --seed "$SEED" \
    --sampler "$sampler" --scheduler fifo --trials "$TRIALS" --budget 1h --out "$WORK/$sampler" > "$WORK/$sampler.log"
  seconds=$(( $(date +%s) - start ))
  # trials.csv is ranked; re-sort by trial index to get best-so-far in the order trials were proposed.
  best=$(tail -n +2 "$WORK/$sampler/trials.csv" | awk -F, '{print $2, $5}' | sort -n | awk -v n="$TRIALS" '
    BEGIN {best = 1} {if ($2 != "" && $2 < best) best = $2; b[NR] = best}
    END {printf "%.4f | %.4f | %.4f | %.4f", b[5], b[10], b[20], b[NR]}')
  echo "$sampler: $best ($seconds s)" >&2
  ROWS+="| $sampler | ${SPACE[$sampler]} | $best | $seconds |"$'\n'
done

OUT="$ROOT/bench/results/samplers-fashion-mnist.md"
{
  echo "# Samplers on real Fashion-MNIST"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores. \`bench/samplers-fashion-mnist.sh $TRIALS $SEED\`: $TRIALS trials per sampler,"
  echo "seed $SEED, 6,000-image class-balanced sample (5,400 train / 600 validation), every trial half an epoch (FIFO)."
  echo "Best validation error among the first N trials, in the order the sampler proposed them; one seed, so"
  echo "differences of a point or two are within noise."
  echo
  echo "| sampler | space | best after 5 | after 10 | after 20 | after all | seconds |"
  echo "|---|---|---|---|---|---|---|"
  printf "%s" "$ROWS"
} | write_results "$OUT"
cat "$OUT"
rm -rf "$WORK"
