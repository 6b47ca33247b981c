#!/usr/bin/env bash
# The whole test suite, slow (real training) tests included, on real data.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$ROOT/bin/install-prerequisites"
cd "$ROOT"
exec mvn -B install "$@"
