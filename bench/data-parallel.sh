#!/usr/bin/env bash
# One network trained on two replicas side by side (RunnerOptions#replicas, as a search's final training runs once its
# two trial slots are free) against the same network alone, one native thread each (a search's processes run
# OMP_NUM_THREADS=1): LeNet-5, the deeper CNN and the residual network the two-hour benchmark chose, at batch 64 and
# 128, one epoch of real Fashion-MNIST after a warm-up. Configurations alternate within each round. Figures:
# examples/s of training time (evaluation excluded) and the validation error after the epoch, which should agree
# within noise (with plain SGD two replicas take exactly one network's steps; with Adam, nearly).
# Usage: bench/data-parallel.sh [rounds] [lenet5 images] [deeper and residual images]
# Writes bench/results/data-parallel.md
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-2}"
LENET_IMAGES="${2:-6000}"
OTHER_IMAGES="${3:-3000}"
MODELS=(lenet5 deeper residual)
BATCHES=(64 128)

cd "$ROOT"
source bench/lib.sh
build_bench
RAW="$(mktemp)"

for round in $(seq "$ROUNDS"); do
  for model in "${MODELS[@]}"; do
    images=$OTHER_IMAGES; [[ "$model" == lenet5 ]] && images=$LENET_IMAGES
    for batch in "${BATCHES[@]}"; do
      for replicas in 1 2; do
        line=$(OMP_NUM_THREADS=1 java "${JVM_FLAGS[@]}" -Xmx6g -cp "$BASE_CP" io.autocnn.bench.TrainingThroughput \
          "$model" "$images" 1 "$batch" 1 autocnn "$replicas" | grep '^RESULT')
        echo "round $round: $line" >&2
        echo "$line" | awk -v b="$batch" -v r="$replicas" '{print $2, b, r, $5, $6}' >> "$RAW"
      done
    done
  done
done

OUT="$ROOT/bench/results/data-parallel.md"
{
  echo "# One network on two replicas against one network alone"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), commit $(git rev-parse --short HEAD),"
  echo "real Fashion-MNIST, one epoch of $LENET_IMAGES (LeNet-5) or $OTHER_IMAGES (deeper, residual) training images after a"
  echo "warm-up, Adam 1e-3, one native thread per network (OMP_NUM_THREADS=1); $ROUNDS rounds, configurations alternating."
  echo "\`bench/data-parallel.sh $ROUNDS $LENET_IMAGES $OTHER_IMAGES\`. Median examples/s of training time; ratio of two"
  echo "replicas against one network, same run."
  echo
  echo "| model | batch | one network, examples/s | two replicas, examples/s | ratio | validation error (one / two, each round) |"
  echo "|---|---:|---:|---:|---:|---|"
  for model in "${MODELS[@]}"; do
    for batch in "${BATCHES[@]}"; do
      rate() { awk -v m="$model" -v b="$batch" -v r="$1" '$1==m && $2==b && $3==r {print $4}' "$RAW" | median; }
      errors() { awk -v m="$model" -v b="$batch" -v r="$1" '$1==m && $2==b && $3==r {print $5}' "$RAW" | paste -sd' ' -; }
      one=$(rate 1)
      two=$(rate 2)
      ratio=$(awk -v a="$two" -v b="$one" 'BEGIN {printf "%.2f", a / b}')
      echo "| $model | $batch | $one | $two | ${ratio}x | $(errors 1) / $(errors 2) |"
    done
  done
} | write_results "$OUT"
cat "$OUT"
