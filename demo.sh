#!/usr/bin/env bash
# The demo: LeNet-5 on the real Fashion-MNIST for one epoch, with the per-epoch table, CSV and plot.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$ROOT/bin/install-prerequisites"
exec "$ROOT/bin/autocnn" train --model lenet5 --dataset fashion-mnist --epochs 1 --out "$ROOT/runs/demo" "$@"
