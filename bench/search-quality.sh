#!/usr/bin/env bash
# The search-quality comparison of issue 17: the default sampler and scheduler (TPE + ASHA) on the default Fashion-MNIST
# space (examples/modern-space.yaml, with its augmentation) against random sampling with FIFO on the same space and
# against the previous space (examples/fashion-mnist-2h-space.yaml, TPE + ASHA), each through `autocnn compare` with
# the same budget, images and repetitions (seeds 1..R). Reads every run's compare.csv and report.md and writes one
# table: the search's chosen model's test accuracy (mean ± standard deviation over the repetitions) without and with
# its final training, LeNet-5's, where the search's training time went, and whether the default wins on the mean by
# more than one standard deviation.
# Usage: bench/search-quality.sh [budget] [images] [repetitions]   (the issue's run: 20m 12000 3, about 3.5 hours)
# SEARCH_QUALITY_ONLY="<name> ..." runs only those configurations (default, random-fifo, previous-space), for one
# sitting's share of the hours; the table then marks the others as not run yet.
# Writes bench/results/search-quality-<budget>.md; the runs stay in runs/search-quality-<budget>-<time>/. With
# SEARCH_QUALITY_RUNS=<that folder> (the same arguments) it continues that folder: configurations whose compare.csv
# is there are kept, one a stop cut short is moved aside and run again, then the table is written. Each finished
# configuration's compare.csv and report.md are also kept in bench/results/search-quality-<budget>-<images>x<reps>/
# <configuration>/ (commit them): a later run with the same arguments, on this machine or another, takes them from
# there instead of running the configuration again, so the hours can be spread over several sittings (one
# configuration of the issue's run takes about 70 minutes).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUDGET="${1:-20m}"
IMAGES="${2:-12000}"
REPETITIONS="${3:-3}"
RUNS="${SEARCH_QUALITY_RUNS:-$ROOT/runs/search-quality-$BUDGET-$(date -u +%Y%m%d-%H%M%S)}"
OUT="$ROOT/bench/results/search-quality-$BUDGET.md"
KEPT="$ROOT/bench/results/search-quality-$BUDGET-${IMAGES}x$REPETITIONS"
# name | space | sampler | scheduler | augmentation flags
CONFIGS=(
  "default|examples/modern-space.yaml|tpe|asha|--augment-shift 2 --augment-flip"
  "random-fifo|examples/modern-space.yaml|random|fifo|--augment-shift 2 --augment-flip"
  "previous-space|examples/fashion-mnist-2h-space.yaml|tpe|asha|"
)
cd "$ROOT"
source bench/lib.sh
mkdir -p "$RUNS"

for config in "${CONFIGS[@]}"; do
  IFS='|' read -r name space sampler scheduler augmentation <<< "$config"
  [[ -z "${SEARCH_QUALITY_ONLY:-}" || " $SEARCH_QUALITY_ONLY " == *" $name "* ]] || continue
  restore_kept_run "$RUNS/$name" "$KEPT/$name" compare.csv report.md
  run_still_to_do "$RUNS/$name" compare.csv || continue
  echo "== $name" >&2
  # shellcheck disable=SC2086 # the augmentation flags are words
  bin/autocnn compare --dataset fashion-mnist --limit "$IMAGES" --budget "$BUDGET" --repetitions "$REPETITIONS" \
    --space "$space" --sampler "$sampler" --scheduler "$scheduler" --rungs 3 --trials 300 --seed 1 --patience 5 \
    $augmentation --out "$RUNS/$name" > "$RUNS/$name.log" 2>&1
  keep_run "$RUNS/$name" "$KEPT/$name" compare.csv report.md
done

# mean and sample standard deviation of the test accuracies of one side of one run, as "mean sd n" (percent)
stats() {
  awk -F, -v side="$2" '$1 == side {x = $4 * 100; s += x; q += x * x; n++}
    END {if (n == 0) {print "- - 0"; exit} m = s / n; v = n > 1 ? (q - n * m * m) / (n - 1) : 0;
         printf "%.2f %.2f %d\n", m, (v > 0 ? sqrt(v) : 0), n}' "$1"
}

{
  echo "# Search quality: default against random + FIFO and against the previous space"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, Fashion-MNIST, $IMAGES training images (class-balanced sample, 10 % of"
  echo "them for validation), \`autocnn compare --budget $BUDGET --repetitions $REPETITIONS\` (seeds 1..$REPETITIONS, LeNet-5"
  echo "with --patience 5 before each search, final training 20 % of the budget), ASHA with 3 rungs; runs in"
  echo "\`${RUNS#"$ROOT"/}\`. Test accuracy of each side's chosen model: mean ± standard deviation over the repetitions;"
  echo "LeNet-5 trains with the configuration's augmentation, so its figure differs between the spaces."
  echo "The verdicts compare the search + final training figures. What the figures show, sitting by sitting:"
  echo "\`${KEPT#"$ROOT"/bench/results/}/README.md\` (written by hand; this file is rewritten by each run)."
  echo
  echo "| configuration | space | sampler + scheduler | search | search + final training | LeNet-5 | where the search's training time went (summed over its trials, mean per repetition) | ran (date, commit) |"
  echo "|---|---|---|---|---|---|---|---|"
  : > "$RUNS/means.txt"
  for config in "${CONFIGS[@]}"; do
    IFS='|' read -r name space sampler scheduler augmentation <<< "$config"
    csv="$RUNS/$name/compare.csv"
    if [[ ! -f "$csv" ]]; then
      echo "| $name | $(basename "$space") | $sampler + $scheduler | not run yet | | | | |"
      continue
    fi
    read -r sm ss sn <<< "$(stats "$csv" search)"
    read -r fm fs fn <<< "$(stats "$csv" search-final)"
    read -r lm ls ln <<< "$(stats "$csv" lenet5)"
    split=$(grep -m1 "The search's training time" "$RUNS/$name/report.md" | sed 's/^[^:]*: //; s/\.$//')
    ran=$(cat "$KEPT/$name/ran-at.txt" 2>/dev/null || echo -)
    echo "| $name | $(basename "$space") | $sampler + $scheduler | $sm ± $ss % | $fm ± $fs % | $lm ± $ls % | ${split:--} | $ran |"
    echo "$name $fm $fs" >> "$RUNS/means.txt"
  done
  echo
  awk 'NR == 1 {dm = $2; ds = $3; next}
       {sd = ($3 > ds ? $3 : ds); verdict = (dm - $2 > sd) ? "wins" : "does not win";
        printf "- default (%.2f %%) against %s (%.2f %%): %s by more than one standard deviation (%.2f points, difference %.2f).\n",
               dm, $1, $2, verdict, sd, dm - $2}' "$RUNS/means.txt"
} | write_results "$OUT"
cat "$OUT"
