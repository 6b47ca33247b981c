#!/usr/bin/env bash
# Compares ND4J native builds (platform classifiers of nd4j-native) on LeNet-5 and a deeper candidate, training on
# real Fashion-MNIST through the product's TrialRunner. Variants run alternately, round by round, so machine noise
# hits all of them alike; every figure is reported as a ratio to the default build measured in the same run.
# Usage: [VARIANTS="..."] [MODELS="..."] bench/native-backends.sh [rounds] [images]
# Writes bench/results/native-backends.md. The oneDNN builds only help because TrialRunner turns on DL4J's layer
# helpers and workers ships the Nd4jCpu$Environment bridge (see LayerHelpers).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-2}"
IMAGES="${2:-6000}"
VARIANTS=(${VARIANTS:-linux-x86_64 linux-x86_64-avx2 linux-x86_64-onednn linux-x86_64-onednn-avx2})
MODELS=(${MODELS:-lenet5 deeper})

cd "$ROOT"
source bench/lib.sh
build_bench

RAW="$(mktemp)"
for round in $(seq "$ROUNDS"); do
  for model in "${MODELS[@]}"; do
    for variant in "${VARIANTS[@]}"; do
      line=$(java "${JVM_FLAGS[@]}" -Xmx4g -cp "$(classpath_with_native "$variant")" io.autocnn.bench.TrainingThroughput \
        "$model" "$IMAGES" 1 | grep '^RESULT')
      echo "round $round $variant $line" >&2
      echo "$variant $line" >> "$RAW"
    done
  done
done

OUT="$ROOT/bench/results/native-backends.md"
{
  echo "# ND4J native builds: training throughput"
  echo
  echo "$(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "real Fashion-MNIST, $IMAGES training images, 1 epoch after a warm-up, batch 64, Adam; $ROUNDS rounds,"
  echo "variants alternating within each round. Median examples/s; ratio against DL4J's default build (plain"
  echo "linux-x86_64, first row of each model) measured in the same run."
  echo
  echo "| model | native build | oneDNN helpers active | examples/s (median) | all rounds | ratio to default | validation error |"
  echo "|---|---|---|---|---|---|---|"
  for model in "${MODELS[@]}"; do
    base=""
    for variant in "${VARIANTS[@]}"; do
      values=$(awk -v v="$variant" -v m="$model" '$1==v && $3==m {print $6}' "$RAW" | sort -n)
      median=$(echo "$values" | median)
      errors=$(awk -v v="$variant" -v m="$model" '$1==v && $3==m {print $7}' "$RAW" | paste -sd/ -)
      onednn=$(awk -v v="$variant" -v m="$model" '$1==v && $3==m {sub("onednn=", "", $8); print $8}' "$RAW" | sort -u | paste -sd/ -)
      [[ -n "$base" ]] || base="$median"
      ratio=$(awk -v a="$median" -v b="$base" 'BEGIN {printf "%.2f", a/b}')
      echo "| $model | $variant | $onednn | $median | $(echo "$values" | paste -sd' ' -) | ${ratio}x | $errors |"
    done
  done
} | write_results "$OUT"
cat "$OUT"
rm -f "$RAW"
