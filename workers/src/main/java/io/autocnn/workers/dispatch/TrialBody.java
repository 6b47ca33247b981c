package io.autocnn.workers.dispatch;

/** What a dispatched task does with its trial. */
public enum TrialBody {
    /** Train and evaluate the network: the product's normal work. */
    TRAIN,
    /**
     * Report one epoch and finish without training: exercises the whole dispatch path (sample, submit, task,
     * live report, result) so a cluster's set-up is checked in seconds ({@code autocnn search --dry-run}) and the
     * dispatch overhead can be measured (bench/DispatchOverhead).
     */
    NO_OP,
    /**
     * As {@link #NO_OP}, after holding the task's slot for {@link #simulatedMillis} of the epochs the run trains up
     * to: stands for training when measuring how busy the orchestration keeps many slots (bench/Orchestration).
     */
    SIMULATED;

    private static final long SIMULATED_MILLIS_PER_EPOCH = 1_000;

    /** How long a {@link #SIMULATED} run that trains up to {@code targetEpochs} holds its slot: 1 s per epoch. */
    public static long simulatedMillis(double targetEpochs) {
        return Math.round(targetEpochs * SIMULATED_MILLIS_PER_EPOCH);
    }

    /** Whether the task trains a network, so a promoted or inheriting run needs the model it starts from. */
    public boolean trains() {
        return this == TRAIN;
    }
}
