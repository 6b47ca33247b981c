#!/usr/bin/env bash
# Issue 19's benchmark, on all of Fashion-MNIST, three searches of the same budget one after the other on this machine:
#   constrained      examples/modern-space.yaml with constraints: {maxParameters: 20000} in place of its own
#   unconstrained    the same space without constraints, validation error alone
#   two-objective    the same space, --second-objective params
# each TPE + ASHA (--rungs 3), seed 1, with a tenth of the budget for the best trial's final training (its test
# accuracy is measured from its own checkpoint and after the final training). Writes one table: for the constrained
# run, whether every trial that trained kept to the limit and how many candidates were refused; each run's best model
# (test accuracy, parameters) against LeNet-5's 61,706 parameters; and the hypervolume of each run's front of
# validation error and log10(parameters) (reference point: error 1, 10^7 parameters), the two-objective run against
# the unconstrained one.
# Usage: bench/constraints-and-objectives.sh [budget]   (the issue's run: 30m, about 95 minutes in all)
# Writes bench/results/constraints-and-objectives-<budget>.md; runs stay in runs/constraints-<budget>-<time>/.
# CONSTRAINTS_RUNS=<that folder> continues that folder: runs whose trials.csv is there are kept, one a stop cut short
# is moved aside and run again, then the table is written.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUDGET="${1:-30m}"
RUNS="${CONSTRAINTS_RUNS:-$ROOT/runs/constraints-$BUDGET-$(date -u +%Y%m%d-%H%M%S)}"
OUT="$ROOT/bench/results/constraints-and-objectives-$BUDGET.md"
LIMIT=20000
cd "$ROOT"
source bench/lib.sh
mkdir -p "$RUNS"
[[ -f "$RUNS/constrained-space.yaml" ]] ||
  { grep -v '^constraints:' examples/modern-space.yaml; printf 'constraints: {maxParameters: %d}\n' "$LIMIT"; } \
    > "$RUNS/constrained-space.yaml"
[[ -f "$RUNS/unconstrained-space.yaml" ]] ||
  grep -v '^constraints:' examples/modern-space.yaml > "$RUNS/unconstrained-space.yaml"

# name | space | extra options
CONFIGS=(
  "constrained|$RUNS/constrained-space.yaml|"
  "unconstrained|$RUNS/unconstrained-space.yaml|"
  "two-objective|$RUNS/unconstrained-space.yaml|--second-objective params"
)
for config in "${CONFIGS[@]}"; do
  IFS='|' read -r name space extra <<< "$config"
  run_still_to_do "$RUNS/$name" trials.csv || continue
  echo "== $name" >&2
  # shellcheck disable=SC2086 # the extra options are words
  bin/autocnn search "$space" --dataset fashion-mnist --budget "$BUDGET" --rungs 3 --trials 300 --seed 1 \
    --final-training 0.1 $extra --out "$RUNS/$name" > "$RUNS/$name.log" 2>&1 || echo "$name: exit $?" >&2
done

/usr/bin/env python3 - "$RUNS" "$BUDGET" "$LIMIT" <<'PY' | write_results "$OUT"
import csv, math, re, sys, datetime, os
sys.path.insert(0, "bench")  # run from the repository root
from front_hypervolume import hypervolume
runs, budget, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])

def trials(name):
    with open(os.path.join(runs, name, "trials.csv")) as f:
        return list(csv.DictReader(f))

def console(name):
    with open(os.path.join(runs, name + ".log"), encoding="utf-8") as f:
        return f.read().replace("\r", "\n")

def final(name):
    m = re.search(r"final\s+trial (\d+) .*?test accuracy ([\d.]+)% \(the trial's own checkpoint: ([\d.]+)%\)",
                  console(name))
    return (int(m.group(1)), float(m.group(3)), float(m.group(2))) if m else None

lines = ["# Constraints and a second objective: %s searches on all of Fashion-MNIST (%s)" % (budget, datetime.date.today()),
         "", "`bench/constraints-and-objectives.sh %s`: three `autocnn search` runs one after the other on this machine "
         "(examples/modern-space.yaml; TPE + ASHA, --rungs 3, seed 1, a tenth of the budget for the best trial's final "
         "training): with `constraints: {maxParameters: %d}`, without, and with `--second-objective params`. "
         "Runs in `%s`." % (budget, limit, os.path.relpath(runs)), ""]
lines += ["| run | trials | trained | refused (CONSTRAINT) | largest trained | best trial | its parameters | val. error | "
          "test acc. (its checkpoint) | test acc. after final training | front hypervolume |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
summary = {}
for name in ("constrained", "unconstrained", "two-objective"):
    if not os.path.exists(os.path.join(runs, name, "trials.csv")):
        lines.append("| %s | (did not run) | | | | | | | | | |" % name)
        continue
    rows = trials(name)
    trained = [r for r in rows if float(r["epochs_trained"] or 0) > 0]
    refused = [r for r in rows if r["failure_cause"] == "CONSTRAINT"]
    best = next((r for r in rows if r["validation_error"] not in ("", "NaN")), None)
    fin = final(name)
    hv = hypervolume(trained)
    summary[name] = (trained, hv)
    lines.append("| %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %.3f |" % (
        name, len(rows), len(trained), len(refused),
        "{:,}".format(max(int(r["parameter_count"]) for r in trained)) if trained else "-",
        best["trial"] if best else "-", "{:,}".format(int(best["parameter_count"])) if best else "-",
        "%.2f%%" % (100 * float(best["validation_error"])) if best else "-",
        "%.2f%%" % fin[1] if fin else "-", "%.2f%%" % fin[2] if fin else "-", hv))
lines.append("")
if "constrained" in summary:
    over = [r for r in summary["constrained"][0] if int(r["parameter_count"]) > limit]
    lines.append("- Constrained run: %d trials trained, %s over %s parameters." % (
        len(summary["constrained"][0]), "none" if not over else "%d" % len(over), "{:,}".format(limit)))
if "two-objective" in summary and "unconstrained" in summary:
    a, b = summary["two-objective"][1], summary["unconstrained"][1]
    lines.append("- Hypervolume of the two-objective run's front against the unconstrained run's: %.3f vs %.3f (%+.1f %%)."
                 % (a, b, 100 * (a - b) / b if b else float("nan")))
lines.append("- LeNet-5 has 61,706 parameters; its test accuracy measured before on this machine: 87.61 % after 3 epochs "
             "(bench/results/lenet5-fashion-mnist/) and 89.47 % as the best of 20 epochs in the two-hour comparison "
             "(bench/results/compare-fashion-mnist-2h/).")
print("\n".join(lines))
PY
cat "$OUT"
# Each run's trials beside the table, for a reading beyond it.
mkdir -p "${OUT%.md}"
for config in "${CONFIGS[@]}"; do
  name="${config%%|*}"
  [[ ! -f "$RUNS/$name/trials.csv" ]] || cp "$RUNS/$name/trials.csv" "${OUT%.md}/$name-trials.csv"
done
echo "wrote $OUT and ${OUT%.md}/" >&2
