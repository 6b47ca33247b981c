#!/usr/bin/env bash
# The trainer against PyTorch on the same cores: LeNet-5 and a deeper CNN, one epoch of real Fashion-MNIST each, batch
# 64, Adam 1e-3, trained by DL4J's default (plain ND4J build, DL4J's own layers), AutoCNN's default single trial (the
# project's build and layers, OpenMP's default thread count, as `autocnn train` runs), AutoCNN on one thread, AutoCNN's
# sweep default (two trials side by side on one thread each), and PyTorch (Debian's python3-torch, installed with apt
# when missing) on one thread, two threads, and as two one-thread processes side by side. Configurations alternate
# within each round. Figures: examples/s of training time (evaluation excluded; side-by-side runs: total examples over
# the longest one's training time), the whole process's wall time, and the validation error after the epoch.
# Usage: bench/trainer-vs-pytorch.sh [rounds] [lenet5 images] [deeper images]   Writes bench/results/trainer-vs-pytorch.md
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-2}"
LENET_IMAGES="${2:-6000}"
DEEPER_IMAGES="${3:-2000}"
PYTHON=/usr/bin/python3   # Debian's interpreter, which is where python3-torch installs
if ! "$PYTHON" -c "import torch" 2>/dev/null; then
  echo "installing python3-torch with apt" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >&2
fi
# name | trainer | native build (dl4j) | OMP threads ("" = default) | side by side | layers (dl4j)
CONFIGS=(
  "dl4j-default|dl4j|linux-x86_64||1|dl4j"
  "autocnn-single-default|dl4j|linux-x86_64-onednn-avx2||1|autocnn"
  "autocnn-single-one-thread|dl4j|linux-x86_64-onednn-avx2|1|1|autocnn"
  "autocnn-sweep-two-trials-one-thread-each|dl4j|linux-x86_64-onednn-avx2|1|2|autocnn"
  "pytorch-one-thread|pytorch||1|1|"
  "pytorch-two-threads|pytorch||2|1|"
  "pytorch-two-processes-one-thread-each|pytorch||1|2|"
)

cd "$ROOT"
source bench/lib.sh
build_bench
RAW="$(mktemp)"

# One measurement: prints "<examples/s> <validation error> <wall seconds>".
measure() {
  local model=$1 images=$2 trainer=$3 build=$4 threads=$5 side=$6 layers=$7 start end
  start=$(date +%s.%N)
  if [[ "$trainer" == dl4j ]]; then
    local cp line
    cp=$(classpath_with_native "$build")
    line=$(env ${threads:+OMP_NUM_THREADS=$threads} java "${JVM_FLAGS[@]}" -Xmx6g -cp "$cp" \
      io.autocnn.bench.TrainingThroughput "$model" "$images" 1 64 "$side" "$layers" | grep '^RESULT')
    end=$(date +%s.%N)
    echo "$line" | awk -v s="$start" -v e="$end" '{printf "%s %s %.1f\n", $5, $6, e - s}'
  else
    local out
    out=$(for i in $(seq "$side"); do "$PYTHON" bench/pytorch_trainer.py "$model" "$images" "$threads" & done; wait)
    end=$(date +%s.%N)
    # Side by side, each process trains its own copy over about the same time: their rates add up.
    echo "$out" | awk -v s="$start" -v e="$end" '/^RESULT/ {rate += $5; err += $6; n++}
      END {printf "%.1f %.4f %.1f\n", rate, err / n, e - s}'
  fi
}

for round in $(seq "$ROUNDS"); do
  for model in lenet5 deeper; do
    images=$LENET_IMAGES; [[ "$model" == deeper ]] && images=$DEEPER_IMAGES
    for config in "${CONFIGS[@]}"; do
      IFS='|' read -r name trainer build threads side layers <<< "$config"
      result=$(measure "$model" "$images" "$trainer" "$build" "$threads" "$side" "$layers")
      echo "round $round $model $name $result" >&2
      echo "$model $name $result" >> "$RAW"
    done
  done
done

OUT="$ROOT/bench/results/trainer-vs-pytorch.md"
{
  echo "# The trainer against PyTorch"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), real Fashion-MNIST, one epoch"
  echo "of $LENET_IMAGES (LeNet-5) or $DEEPER_IMAGES (deeper) training images after a warm-up, batch 64, Adam 1e-3;"
  echo "$ROUNDS rounds, configurations alternating. PyTorch $("$PYTHON" -c 'import torch; print(torch.__version__)')."
  echo "Median of the rounds; ratio of examples/s against PyTorch's best of one or two threads (single trials) or"
  echo "against two one-thread PyTorch processes (side by side) of the same run."
  echo
  echo "| model | configuration | examples/s (median) | all rounds | ratio | process wall s (median) | validation error |"
  echo "|---|---|---|---|---|---|---|"
  for model in lenet5 deeper; do
    rate() { awk -v m="$model" -v n="$1" '$1==m && $2==n {print $3}' "$RAW" | median; }
    single=$(printf '%s\n%s\n' "$(rate pytorch-one-thread)" "$(rate pytorch-two-threads)" | sort -n | tail -1)
    sweep=$(rate pytorch-two-processes-one-thread-each)
    for config in "${CONFIGS[@]}"; do
      IFS='|' read -r name trainer build threads side layers <<< "$config"
      median=$(rate "$name")
      base=$single; [[ "$side" == 2 ]] && base=$sweep
      ratio=$(awk -v a="$median" -v b="$base" 'BEGIN {printf "%.2f", a / b}')
      rounds=$(awk -v m="$model" -v n="$name" '$1==m && $2==n {print $3}' "$RAW" | paste -sd' ' -)
      wall=$(awk -v m="$model" -v n="$name" '$1==m && $2==n {print $5}' "$RAW" | median)
      errors=$(awk -v m="$model" -v n="$name" '$1==m && $2==n {print $4}' "$RAW" | paste -sd/ -)
      echo "| $model | $name | $median | $rounds | ${ratio}x | $wall | $errors |"
    done
  done
} | write_results "$OUT"
cat "$OUT"
