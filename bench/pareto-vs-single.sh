#!/usr/bin/env bash
# Does the two-objective search find a better front than the single-objective one, once TPE is past its random
# start-up (10 trials)? For each seed, two `autocnn search` runs of the same budget one after the other on this
# machine, on a space cheap enough for dozens of trials (examples/lenet-space.yaml, a sample of Fashion-MNIST):
#   single    validation error alone
#   pareto    --second-objective params (samplers learn each trial's Pareto place, ASHA promotes by it)
# TPE + ASHA (--rungs 3), no final training. The table gives per run the trials, how many came after TPE's start-up,
# the median parameters of those, the best validation error, and the hypervolume of the run's front of (validation
# error, log10 parameters) against the reference point (error 1, 10^7 parameters); then the mean over seeds.
# Usage: bench/pareto-vs-single.sh [budget per run] [seeds] [images]   (default 15m 3 12000: about 95 minutes)
# Writes bench/results/pareto-vs-single-<budget>.md and each run's trials beside it; runs stay in
# runs/pareto-<budget>-<time>/. PARETO_RUNS=<that folder> continues it (finished runs kept).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUDGET="${1:-15m}"
SEEDS="${2:-3}"
IMAGES="${3:-12000}"
RUNS="${PARETO_RUNS:-$ROOT/runs/pareto-$BUDGET-$(date -u +%Y%m%d-%H%M%S)}"
OUT="$ROOT/bench/results/pareto-vs-single-$BUDGET.md"
cd "$ROOT"
source bench/lib.sh
mkdir -p "$RUNS"
for seed in $(seq "$SEEDS"); do
  for kind in single pareto; do
    name="$kind-seed$seed"
    run_still_to_do "$RUNS/$name" trials.csv || continue
    extra=""
    [[ "$kind" == single ]] || extra="--second-objective params"
    echo "== $name" >&2
    # shellcheck disable=SC2086 # the extra options are words
    bin/autocnn search examples/lenet-space.yaml --dataset fashion-mnist --limit "$IMAGES" --budget "$BUDGET" \
      --sampler tpe --scheduler asha --rungs 3 --trials 1000 --seed "$seed" $extra --out "$RUNS/$name" \
      > "$RUNS/$name.log" 2>&1 || echo "$name: exit $?" >&2
  done
done

mkdir -p "${OUT%.md}"
/usr/bin/env python3 - "$RUNS" "$BUDGET" "$SEEDS" "$IMAGES" "$OUT" <<'PY' | write_results "$OUT"
import csv, datetime, os, statistics, sys
sys.path.insert(0, "bench")  # run from the repository root
from front_hypervolume import hypervolume
runs, budget, seeds, images, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
STARTUP = 10

lines = ["# Two objectives against one, past TPE's start-up: %s runs (%s)" % (budget, datetime.date.today()), "",
         "`bench/pareto-vs-single.sh %s %d %s`: per seed, `autocnn search examples/lenet-space.yaml --dataset "
         "fashion-mnist --limit %s --budget %s --sampler tpe --scheduler asha --rungs 3` with validation error alone "
         "(single) and with `--second-objective params` (pareto), one after the other on this machine. Hypervolume: "
         "the run's front of (validation error, log10 parameters) against (1, 10^7). After start-up: trials with "
         "index >= %d, the ones TPE proposed from its model." % (budget, seeds, images, images, budget, STARTUP), "",
         "| run | trials | after start-up | median parameters after start-up | best val. error | front hypervolume |",
         "|---|---:|---:|---:|---:|---:|"]
summary = {"single": [], "pareto": []}
for seed in range(1, seeds + 1):
    for kind in ("single", "pareto"):
        name = "%s-seed%d" % (kind, seed)
        path = os.path.join(runs, name, "trials.csv")
        if not os.path.exists(path):
            lines.append("| %s | (did not run) | | | | |" % name)
            continue
        rows = list(csv.DictReader(open(path)))
        later = [r for r in rows if int(r["trial"]) >= STARTUP]
        measured = [r for r in rows if r["validation_error"] not in ("", "NaN")]
        best = min(float(r["validation_error"]) for r in measured) if measured else float("nan")
        median_params = statistics.median(int(r["parameter_count"]) for r in later) if later else float("nan")
        hv = hypervolume(rows)
        summary[kind].append((len(rows), len(later), median_params, best, hv))
        lines.append("| %s | %d | %d | {:,.0f} | %.2f%% | %.3f |".format(median_params) % (
            name, len(rows), len(later), 100 * best, hv))
        os.system("cp '%s' '%s'" % (path, os.path.join(out[:-3], name + "-trials.csv")))
lines.append("")
for kind in ("single", "pareto"):
    runs_of = summary[kind]
    if runs_of:
        lines.append("- %s, mean of %d seed(s): %.1f trials (%.1f after start-up), median parameters after start-up "
                     "{:,.0f}, best validation error %.2f%%, hypervolume %.3f.".format(
                         statistics.mean(r[2] for r in runs_of)) % (
                         kind, len(runs_of), statistics.mean(r[0] for r in runs_of),
                         statistics.mean(r[1] for r in runs_of), 100 * statistics.mean(r[3] for r in runs_of),
                         statistics.mean(r[4] for r in runs_of)))
pairs = list(zip(summary["single"], summary["pareto"]))
if pairs:
    wins = sum(1 for s, p in pairs if p[4] > s[4])
    lines.append("- Pareto run's hypervolume above the single-objective run's of the same seed in %d of %d seed(s); "
                 "mean change %+.1f %%." % (wins, len(pairs),
                                           100 * statistics.mean((p[4] - s[4]) / s[4] for s, p in pairs)))
print("\n".join(lines))
PY
cat "$OUT"
echo "wrote $OUT and ${OUT%.md}/" >&2
