#!/usr/bin/env bash
# Training-speed levers beyond the native build, on real Fashion-MNIST through the product's TrialRunner: batch size,
# ND4J's OpenMP thread count, and two trials on one thread each (what a sweep runs) versus one trial on two.
# Every configuration is a ratio against DL4J's default (plain linux-x86_64 build, helpers off, batch 64, default
# threads) measured in the same run, configurations alternating within each round. The product's sweep default (one
# thread per trial, as many trials as cores) is sweep-default-two-trials-one-thread-each on 2 cores.
# Usage: bench/trainer-levers.sh [rounds] [images] [model]      Writes bench/results/trainer-levers-<model>.md
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-2}"
IMAGES="${2:-3000}"
MODEL="${3:-lenet5}"
# name | native build | OMP threads ("" = default) | batch | concurrent trials
CONFIGS=(
  "dl4j-default|linux-x86_64||64|1"
  "one-trial-default-threads|linux-x86_64-onednn-avx2||64|1"
  "batch-128|linux-x86_64-onednn-avx2||128|1"
  "batch-256|linux-x86_64-onednn-avx2||256|1"
  "one-thread|linux-x86_64-onednn-avx2|1|64|1"
  "sweep-default-two-trials-one-thread-each|linux-x86_64-onednn-avx2|1|64|2"
  "two-trials-default-threads|linux-x86_64-onednn-avx2||64|2"
)

cd "$ROOT"
source bench/lib.sh
build_bench
RAW="$(mktemp)"
for round in $(seq "$ROUNDS"); do
  for config in "${CONFIGS[@]}"; do
    IFS='|' read -r name build threads batch concurrent <<< "$config"
    cp=$(classpath_with_native "$build")
    line=$(env ${threads:+OMP_NUM_THREADS=$threads} java "${JVM_FLAGS[@]}" -Xmx6g -cp "$cp" \
      io.autocnn.bench.TrainingThroughput "$MODEL" "$IMAGES" 1 "$batch" "$concurrent" | grep '^RESULT')
    echo "round $round $name $line" >&2
    echo "$name $line" >> "$RAW"
  done
done

OUT="$ROOT/bench/results/trainer-levers-$MODEL.md"
{
  echo "# Training-speed levers: $MODEL"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, real Fashion-MNIST, $IMAGES training images, 1 epoch after a warm-up, Adam;"
  echo "$ROUNDS rounds, configurations alternating. Median examples/s of training time, evaluation excluded (several"
  echo "concurrent trials: their total examples over the longest one's training time); ratio against DL4J's default"
  echo "configuration of the same run."
  echo
  echo "| configuration | native build | OMP threads | batch | concurrent trials | examples/s (median) | all rounds | ratio | validation error |"
  echo "|---|---|---|---|---|---|---|---|---|"
  base=""
  for config in "${CONFIGS[@]}"; do
    IFS='|' read -r name build threads batch concurrent <<< "$config"
    values=$(awk -v n="$name" '$1==n {print $6}' "$RAW" | sort -n)
    median=$(echo "$values" | median)
    errors=$(awk -v n="$name" '$1==n {print $7}' "$RAW" | paste -sd/ -)
    [[ -n "$base" ]] || base="$median"
    ratio=$(awk -v a="$median" -v b="$base" 'BEGIN {printf "%.2f", a/b}')
    echo "| $name | $build | ${threads:-default} | $batch | $concurrent | $median | $(echo "$values" | paste -sd' ' -) | ${ratio}x | $errors |"
  done
} | write_results "$OUT"
cat "$OUT"
rm -f "$RAW"
