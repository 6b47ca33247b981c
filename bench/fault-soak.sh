#!/usr/bin/env bash
# Fault-injection soak: one experiment of short real trials served by `autocnn serve` on a loopback Spark standalone
# cluster (a master and two one-core workers, each worker its own `autocnn cluster --join` so that one can be killed
# alone), while a seeded schedule kills, at random times, an executor (SIGKILL), a worker (SIGKILL, then a new one in
# its place) and the coordinator (SIGTERM or SIGKILL, then a restart on the same data directory, which must resume the
# experiment). At the end the store is audited (io.autocnn.bench.SoakStoreAudit) and the table is written to
# bench/results/fault-soak.md.
# Usage: bench/fault-soak.sh [trials=200] [seed=1]
# Environment: SOAK_IMAGES (training images, 1000), SOAK_EPOCHS (2), SOAK_GAP_MIN and SOAK_GAP_MAX (seconds between
# faults, 2 and 10), SOAK_MINUTES (bound on the sweep, 40), SOAK_RESULTS (bench/results/fault-soak.md).
# Edit no source file while it runs: bin/autocnn would rebuild under the running processes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh

TRIALS="${1:-200}"
SEED="${2:-1}"
IMAGES="${SOAK_IMAGES:-1000}"
EPOCHS="${SOAK_EPOCHS:-2}"
GAP_MIN="${SOAK_GAP_MIN:-2}"
GAP_MAX="${SOAK_GAP_MAX:-10}"
MINUTES="${SOAK_MINUTES:-40}"
RESULTS="${SOAK_RESULTS:-bench/results/fault-soak.md}"
FAULT_NAMES=("executor SIGKILL" "worker SIGKILL" "coordinator SIGTERM" "coordinator SIGKILL")

RUN="$PWD/runs/fault-soak-$(date +%Y%m%d-%H%M%S)-seed$SEED"
DATA="$RUN/data"
mkdir -p "$RUN"
log() { echo "[$(( $(date +%s) - START ))s] $*" | tee -a "$RUN/soak.log" >&2; }

# --- processes -------------------------------------------------------------------------------------------------
# Everything the soak starts carries this variable, and Spark's workers pass their environment on to the executors
# they launch: the soak finds (and at the end kills) exactly its own processes, executors orphaned by a killed
# worker included.
MARK="AUTOCNN_SOAK=$RUN"
marked() {
  local proc
  for proc in /proc/[0-9]*; do
    grep -qzxF "$MARK" "$proc/environ" 2>/dev/null && echo "${proc#/proc/}"
  done
  return 0
}
executors() {
  local pid
  for pid in $(marked); do
    tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q CoarseGrainedExecutorBackend && echo "$pid"
  done
  return 0
}
alive() { local state; state="$(ps -o stat= -p "$1" 2>/dev/null)" && [[ "$state" != Z* ]]; }
# Waits up to $2 seconds for process $1 to exit, then reaps it.
await_exit() {
  local deadline=$(( $(date +%s) + $2 ))
  while alive "$1"; do
    (( $(date +%s) < deadline )) || return 1
    sleep 0.5
  done
  wait "$1" 2>/dev/null || true
}
# Waits up to $3 seconds for file $1 to contain $2 while process $4 lives.
await_line() {
  local deadline=$(( $(date +%s) + $3 ))
  until grep -q "$2" "$1" 2>/dev/null; do
    if ! alive "$4" || (( $(date +%s) >= deadline )); then
      return 1
    fi
    sleep 0.5
  done
}
free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}
cleanup() {
  local pids
  pids="$(marked)"
  [[ -z "$pids" ]] || kill -KILL $pids 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the cluster and the service -----------------------------------------------------------------------------------
declare -a WORKER_PID WORKER_GEN
start_master() {
  MASTER_PORT="$(free_port)"
  MASTER_URL="spark://127.0.0.1:$MASTER_PORT"
  SECRET="$RUN/master/spark-secret"
  env "$MARK" AUTOCNN_JAVA_OPTS=-Xmx256m bin/autocnn cluster --workers 0 --port "$MASTER_PORT" --dir "$RUN/master" \
    > "$RUN/master.out" 2>&1 &
  MASTER_PID=$!
  await_line "$RUN/master.out" "Ctrl-C stops" 120 "$MASTER_PID"
}
# Starts the worker of slot $1 (0 or 1) in a fresh directory; returns once the master registered it.
start_worker() {
  local slot="$1"
  WORKER_GEN[$slot]=$(( ${WORKER_GEN[$slot]:-0} + 1 ))
  local dir="$RUN/worker-$slot-${WORKER_GEN[$slot]}"
  env "$MARK" AUTOCNN_JAVA_OPTS=-Xmx256m bin/autocnn cluster --join "$MASTER_URL" --workers 1 \
    --memory-per-worker 1500m --secret-file "$SECRET" --dir "$dir" > "$dir.out" 2>&1 &
  WORKER_PID[$slot]=$!
  await_line "$dir.out" "Ctrl-C stops" 120 "${WORKER_PID[$slot]}"
}
SERVICE_STARTS=0
start_service() {
  SERVICE_STARTS=$(( SERVICE_STARTS + 1 ))
  SERVICE_LOG="$RUN/serve-$SERVICE_STARTS.log"
  env "$MARK" AUTOCNN_JAVA_OPTS=-Xmx1500m bin/autocnn serve --master "$MASTER_URL" --spark-secret-file "$SECRET" \
    --data-dir "$DATA" --port "$PORT" --max-attempts 20 --concurrency 2 --threads-per-trial 1 \
    --executor-memory 1g --start-timeout 120s > "$SERVICE_LOG" 2>&1 &
  SERVICE_PID=$!
  local deadline=$(( $(date +%s) + 180 ))
  until curl -sf -m 5 "http://127.0.0.1:$PORT/health" > /dev/null; do
    if ! alive "$SERVICE_PID" || (( $(date +%s) >= deadline )); then
      return 1
    fi
    sleep 0.5
  done
}
api() { curl -sf -m 10 "http://127.0.0.1:$PORT/api/v1/$1" "${@:2}"; }
# The experiment's status (running, completed, ...) and completed trials, as "STATUS COMPLETED"; "unknown 0" when the
# service does not answer.
experiment_state() {
  local body
  body="$(api "experiments/$EXPERIMENT")" || { echo "unknown 0"; return 0; }
  echo "$(sed -n 's/^  "status" : "\(.*\)",$/\1/p' <<< "$body" | head -1)" \
    "$(sed -n 's/^    "completed" : \([0-9]*\),$/\1/p' <<< "$body" | head -1)"
}

# --- faults ------------------------------------------------------------------------------------------------------
declare -a FAULTS=(0 0 0 0)
WORKER_RESTARTS=0
SERVICE_RESTARTS=0
RESUMES_SEEN=0
RESUMES_MISSING=0
TERM_NEEDED_KILL=0
SKIPPED=0
SELF_EXITS=0
HALTED=""
EVENTS="$RUN/faults.md"
# Logs a fault once its outcome is known, at the time it was injected.
event() { echo "| $(( FAULT_AT - START )) | $1 | $2 | $3 | $4 |" >> "$EVENTS"; log "$1 $2 at $(( FAULT_AT - START ))s (completed $3): $4"; }

# Kills executor number $1 (modulo those running) of this soak.
kill_executor() {
  local pids=() deadline=$(( $(date +%s) + 30 ))
  while pids=($(executors)); (( ${#pids[@]} == 0 )); do
    if (( $(date +%s) >= deadline )); then
      SKIPPED=$(( SKIPPED + 1 ))
      event "${FAULTS_NAME}" "-" "$COMPLETED_THEN" "skipped: no executor running for 30 s"
      return 0
    fi
    sleep 1
  done
  local victim="${pids[$(( $1 % ${#pids[@]} ))]}"
  kill -KILL "$victim" 2>/dev/null || true
  FAULTS[0]=$(( FAULTS[0] + 1 ))
  event "$FAULTS_NAME" "pid $victim of ${#pids[@]}" "$COMPLETED_THEN" "killed"
}

# Kills the Worker JVM of slot $1 % 2 and, after $2 seconds, starts a new worker in its place.
kill_worker() {
  local slot=$(( $1 % 2 ))
  local wrapper="${WORKER_PID[$slot]}" worker
  worker="$(pgrep -P "$wrapper" -f deploy.worker.Worker || true)"
  [[ -n "$worker" ]] && kill -KILL "$worker"
  FAULTS[1]=$(( FAULTS[1] + 1 ))
  # The `autocnn cluster --join` that started it outlives its worker: stop it before a new one takes the slot.
  kill -TERM "$wrapper" 2>/dev/null || true
  await_exit "$wrapper" 30 || { kill -KILL "$wrapper"; await_exit "$wrapper" 10 || true; }
  sleep "$2"
  if ! start_worker "$slot"; then
    HALTED="worker $slot did not come back (see $RUN/worker-$slot-${WORKER_GEN[$slot]}.out)"
    return 1
  fi
  WORKER_RESTARTS=$(( WORKER_RESTARTS + 1 ))
  event "$FAULTS_NAME" "worker $slot (pid ${worker:-none})" "$COMPLETED_THEN" "new worker registered after ${2}s down"
}

# Stops the coordinator with signal $1, restarts it on the same data directory and checks that it resumed the
# experiment (when the experiment was still running).
kill_coordinator() {
  local signal="$1" outcome="pid $SERVICE_PID"
  kill "-$signal" "$SERVICE_PID" 2>/dev/null || true
  if [[ "$signal" == TERM ]]; then
    FAULTS[2]=$(( FAULTS[2] + 1 ))
    if await_exit "$SERVICE_PID" 90; then
      outcome+=" exited"
    else
      TERM_NEEDED_KILL=$(( TERM_NEEDED_KILL + 1 ))
      outcome+=" still alive 90 s after SIGTERM, killed"
      kill -KILL "$SERVICE_PID"
    fi
  else
    FAULTS[3]=$(( FAULTS[3] + 1 ))
    outcome+=" killed"
  fi
  await_exit "$SERVICE_PID" 30 || true
  restart_service "$outcome"
}

restart_service() {
  if ! start_service; then
    HALTED="the coordinator did not come back (see $SERVICE_LOG)"
    return 1
  fi
  SERVICE_RESTARTS=$(( SERVICE_RESTARTS + 1 ))
  local state
  read -r state _ <<< "$(experiment_state)"
  if [[ "$state" != running ]]; then
    event "$FAULTS_NAME" "coordinator" "$COMPLETED_THEN" "$1; restarted, experiment $state"
  elif await_line "$SERVICE_LOG" "resumed experiment $EXPERIMENT" 60 "$SERVICE_PID"; then
    RESUMES_SEEN=$(( RESUMES_SEEN + 1 ))
    event "$FAULTS_NAME" "coordinator" "$COMPLETED_THEN" "$1; restarted and resumed"
  else
    RESUMES_MISSING=$(( RESUMES_MISSING + 1 ))
    event "$FAULTS_NAME" "coordinator" "$COMPLETED_THEN" "$1; restarted, NO resume in its log"
  fi
}

# The seeded schedule, drawn before anything runs so that it depends on the seed alone: per fault the seconds to wait
# before it, its kind, which target, and a worker's downtime.
RANDOM="$SEED"
declare -a GAPS KINDS PICKS DOWNS
for (( k = 0; k < 1000; k++ )); do
  GAPS[k]=$(( GAP_MIN + RANDOM % (GAP_MAX - GAP_MIN + 1) ))
  KINDS[k]=$(( RANDOM % 4 ))
  PICKS[k]=$RANDOM
  DOWNS[k]=$(( 1 + RANDOM % 10 ))
done

# --- the run -------------------------------------------------------------------------------------------------------
build_bench
bin/autocnn --version > /dev/null  # builds the command line now if its sources changed, not under the cluster
START=$(date +%s)
DEADLINE=$(( START + MINUTES * 60 ))
log "run directory $RUN"
start_master || { log "the master did not start"; exit 1; }
start_worker 0 && start_worker 1 || { log "the workers did not start"; exit 1; }
PORT="$(free_port)"
start_service || { log "the service did not start (see $SERVICE_LOG)"; exit 1; }
cat > "$RUN/experiment.json" <<EOF
{"name": "fault-soak", "seed": $SEED, "sampler": "random", "scheduler": "fifo",
 "space": {"convBlocks": {"depth": 1, "filters": {"choices": [2, 4]}, "kernelSize": {"choices": [3, 5]},
                          "pooling": "MAX"},
           "training": {"batchSize": 32, "epochs": $EPOCHS,
                        "learningRate": {"min": 0.002, "max": 0.02, "log": true}}},
 "dataset": {"name": "fashion-mnist", "limit": $IMAGES, "testLimit": 100, "validationFraction": 0.2},
 "budget": {"maxTrials": $TRIALS, "maxWallTimeSeconds": $(( MINUTES * 120 )), "maxConcurrent": 2,
            "maxFailedTrials": $TRIALS}}
EOF
EXPERIMENT="$(api experiments -X POST -H 'Content-Type: application/json' --data @"$RUN/experiment.json" |
  sed -n 's/^  "id" : "\(.*\)",$/\1/p')"
[[ -n "$EXPERIMENT" ]] || { log "the experiment was not created"; exit 1; }
log "experiment $EXPERIMENT: $TRIALS trials"

STATE=running
COMPLETED_THEN=0
for (( k = 0; ; k++ )); do
  # Wait this fault's gap, watching the experiment; stop when it ends or the bound is reached.
  wake=$(( $(date +%s) + GAPS[k] ))
  while (( $(date +%s) < wake )) && [[ "$STATE" == running || "$STATE" == unknown ]]; do
    sleep 2
    if ! alive "$SERVICE_PID"; then
      SELF_EXITS=$(( SELF_EXITS + 1 ))
      FAULTS_NAME="(none)"
      FAULT_AT=$(date +%s)
      restart_service "the coordinator exited by itself" || break 2
    fi
    read -r STATE COMPLETED_THEN <<< "$(experiment_state)"
  done
  if [[ "$STATE" != running && "$STATE" != unknown ]]; then
    log "experiment $STATE"
    break
  fi
  if (( $(date +%s) >= DEADLINE )); then
    HALTED="the experiment was still $STATE after $MINUTES minutes"
    break
  fi
  FAULTS_NAME="${FAULT_NAMES[KINDS[k]]}"
  FAULT_AT=$(date +%s)
  case "${KINDS[k]}" in
    0) kill_executor "${PICKS[k]}" ;;
    1) kill_worker "${PICKS[k]}" "${DOWNS[k]}" || break ;;
    2) kill_coordinator TERM || break ;;
    3) kill_coordinator KILL || break ;;
  esac
done
WALL=$(( $(date +%s) - START ))
[[ -z "$HALTED" ]] || log "halted: $HALTED"

# An orderly stop of everything still running, then a look for processes that outlived it.
kill -TERM "$SERVICE_PID" 2>/dev/null || true
await_exit "$SERVICE_PID" 90 || true
for pid in "${WORKER_PID[@]}" "$MASTER_PID"; do
  kill -TERM "$pid" 2>/dev/null || true
  await_exit "$pid" 30 || true
done
sleep 2
LEFT_OVER="$(marked | wc -l)"

# --- the audit and the table ---------------------------------------------------------------------------------------
AUDIT_STATUS=0
java "${JVM_FLAGS[@]}" -cp "$BASE_CP" io.autocnn.bench.SoakStoreAudit "$DATA/autocnn.db" "$EXPERIMENT" "$TRIALS" \
  > "$RUN/audit.md" || AUDIT_STATUS=$?
{
  echo "# Fault-injection soak"
  echo
  echo "$(date +%F): \`bench/fault-soak.sh $TRIALS $SEED\` on this machine ($(nproc) cores). A real Spark standalone"
  echo "master and two one-core workers on 127.0.0.1 (each worker its own \`autocnn cluster --join\`), \`autocnn serve\`"
  echo "on them (\`--concurrency 2 --max-attempts 20\`), one experiment of $TRIALS trials (random sampler seed $SEED,"
  echo "FIFO, tiny one-block CNNs, $EPOCHS epochs on $IMAGES real Fashion-MNIST images). Every ${GAP_MIN}-${GAP_MAX} s"
  echo "(seeded) one fault: SIGKILL of an executor, SIGKILL of a worker (a new one starts 1-10 s later), SIGTERM or"
  echo "SIGKILL of the coordinator (restarted on the same data directory). The store is then audited by"
  echo "\`io.autocnn.bench.SoakStoreAudit\` straight from the SQLite tables."
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| date | $(date '+%F %H:%M') |"
  echo "| seed | $SEED |"
  echo "| trials asked for | $TRIALS |"
  for kind in 0 1 2 3; do
    echo "| faults: ${FAULT_NAMES[kind]} | ${FAULTS[kind]} |"
  done
  echo "| faults skipped (no executor running) | $SKIPPED |"
  echo "| restarts: coordinator / worker | $SERVICE_RESTARTS / $WORKER_RESTARTS |"
  echo "| coordinator restarts that resumed the experiment (in its log) | $RESUMES_SEEN (missing: $RESUMES_MISSING) |"
  echo "| coordinator SIGTERMs it outlived by 90 s | $TERM_NEEDED_KILL |"
  echo "| coordinator exits nobody caused | $SELF_EXITS |"
  grep '^|' "$RUN/audit.md"
  echo "| processes left after an orderly stop | $LEFT_OVER |"
  echo "| wall time | $(( WALL / 60 ))m $(( WALL % 60 ))s |"
  echo
  [[ -z "$HALTED" ]] || echo "Halted: $HALTED."
  grep '^problem' "$RUN/audit.md" || echo "The audit found no problem."
  echo
  echo "## Faults in order"
  echo
  echo "| at (s) | fault | target | trials completed before | what followed |"
  echo "|---|---|---|---|---|"
  cat "$EVENTS" 2>/dev/null || true
} | write_results "$RESULTS"
cat "$RESULTS"
log "logs in $RUN"
[[ -z "$HALTED" && "$AUDIT_STATUS" == 0 && "$RESUMES_MISSING" == 0 ]]
