# Shared by the bench driver scripts (source it from the repository root): the benchmark classpath with any ND4J
# native build swapped in, and the median of a column of numbers.
DL4J=1.0.0-M2.1
NATIVE_REPO="${HOME}/.m2/repository/org/nd4j/nd4j-native/$DL4J"

# Builds the bench module and sets BASE_CP (its runtime classpath) and JVM_FLAGS (the JDK 17 flags).
build_bench() {
  mvn -B -q -Dstyle.color=never install -DskipTests -pl bench -am >&2
  BASE_CP="$(cat bench/target/classpath.txt):bench/target/autocnn-bench.jar"
  read -r -a JVM_FLAGS < coordinator/target/autocnn-jvm.flags
}

# The bench classpath with the given nd4j-native classifier (e.g. linux-x86_64) in place of the project's own,
# downloading that build first when it is not in the local Maven repository.
classpath_with_native() {
  [[ -f "$NATIVE_REPO/nd4j-native-$DL4J-$1.jar" ]] ||
    mvn -B -q -Dstyle.color=never dependency:get -Dartifact="org.nd4j:nd4j-native:$DL4J:jar:$1" >&2
  echo "$BASE_CP" | sed -E "s#nd4j-native-$DL4J-linux-x86_64[a-z0-9-]*\.jar#nd4j-native-$DL4J-$1.jar#g"
}

# Writes standard input as the program's part of results file $1, keeping what people wrote below its marker line
# (io.autocnn.bench.ResultsFile: readings survive a rerun).
write_results() {
  [[ -n "${BASE_CP:-}" ]] || build_bench
  java -cp "$BASE_CP" io.autocnn.bench.ResultsFile "$1"
}

# Median of the numbers on standard input, one per line.
median() {
  sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}

# Whether the run in folder $1 is still to do, for scripts an earlier sitting may have started: false when $2, the
# file the run writes at its end, is in the folder; a folder without it (a run a stop cut short) is moved aside.
run_still_to_do() {
  if [[ -f "$1/$2" ]]; then
    echo "== $(basename "$1"): done before, kept" >&2
    return 1
  fi
  [[ ! -e "$1" ]] || mv "$1" "$1.cut-short-$(date -u +%Y%m%d-%H%M%S)"
}

# A long benchmark's finished runs are also kept under bench/results (committed with the results), so its hours can be
# spread over sittings on different machines. keep_run copies files $3... of run folder $1 to the kept folder $2, with
# the date and commit it ran at in ran-at.txt; restore_kept_run copies them back into a run folder that lacks the
# first of them (the file the run writes at its end), so run_still_to_do then counts the run as done.
keep_run() {
  local run="$1" kept="$2"
  shift 2
  mkdir -p "$kept"
  for file in "$@"; do cp "$run/$file" "$kept/"; done
  echo "$(date -u +%Y-%m-%d) $(git rev-parse --short HEAD)" > "$kept/ran-at.txt"
}

restore_kept_run() {
  local run="$1" kept="$2"
  shift 2
  [[ -f "$kept/$1" && ! -f "$run/$1" ]] || return 0
  [[ ! -e "$run" ]] || mv "$run" "$run.cut-short-$(date -u +%Y%m%d-%H%M%S)"
  mkdir -p "$run"
  for file in "$@"; do cp "$kept/$file" "$run/"; done
  echo "== $(basename "$run"): kept from an earlier sitting ($(cat "$kept/ran-at.txt" 2>/dev/null))" >&2
}
