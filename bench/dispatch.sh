#!/usr/bin/env bash
# Dispatch benchmarks: overhead per trial on the embedded Spark, the machine's own ceiling for two things at once,
# two warmed-up trainings side by side in one JVM and in two,
# sweep throughput on a loopback standalone cluster with one versus two workers, and how busy 16 and 64 slots stay
# under ASHA. Writes bench/results/dispatch-overhead.md, machine-ceiling.md, side-by-side-training.md,
# cluster-scaling.md and orchestration.md.
# Usage: bench/dispatch.sh [overhead trials] [scaling trials] [scaling images] [scaling rounds] [trials per slot]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
build_bench
export SPARK_LOCAL_IP=127.0.0.1
java "${JVM_FLAGS[@]}" -cp "$BASE_CP" io.autocnn.bench.DispatchOverhead "${1:-300}" 3
OMP_NUM_THREADS=1 java "${JVM_FLAGS[@]}" -cp "$BASE_CP" io.autocnn.bench.MachineCeiling 3
OMP_NUM_THREADS=1 java "${JVM_FLAGS[@]}" -cp "$BASE_CP" io.autocnn.bench.SideBySideTraining lenet5,deeper 12000 2 3
java "${JVM_FLAGS[@]}" -cp "$BASE_CP" io.autocnn.bench.ClusterScaling "${2:-20}" "${3:-3000}" "${4:-2}"
java "${JVM_FLAGS[@]}" -cp "$BASE_CP" io.autocnn.bench.Orchestration "${5:-20}" 1
