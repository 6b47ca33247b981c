package io.autocnn.coordinator.store;

import io.autocnn.space.trial.TrialState;

/** What happened to a trial. The last six end a run of the trial; PAUSED ones may be promoted later. */
public enum TrialEventType {
    /** Sampled: the payload is the candidate (parameters and specification). */
    CREATED,
    /** A run was dispatched: the payload holds the target epochs and whether it resumes a checkpoint. */
    STARTED,
    /** An epoch was measured: the payload is the {@code EpochMetrics}. */
    EPOCH,
    PAUSED,
    COMPLETED,
    PRUNED,
    FAILED,
    CANCELLED,
    TIMED_OUT;

    /** The state a trial is in after this run-ending event; the other events do not end a run. */
    public TrialState endState() {
        return switch (this) {
            case PAUSED -> TrialState.PAUSED;
            case COMPLETED -> TrialState.COMPLETED;
            case PRUNED -> TrialState.PRUNED;
            case FAILED -> TrialState.FAILED;
            case CANCELLED -> TrialState.CANCELLED;
            case TIMED_OUT -> TrialState.TIMED_OUT;
            case CREATED, STARTED, EPOCH -> throw new IllegalArgumentException(this + " does not end a run");
        };
    }

    /** The event that records a run ending with the trial in {@code state}; a trial still running has none. */
    public static TrialEventType endOf(TrialState state) {
        return switch (state) {
            case PAUSED -> PAUSED;
            case COMPLETED -> COMPLETED;
            case PRUNED -> PRUNED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
            case TIMED_OUT -> TIMED_OUT;
            case PENDING, RUNNING -> throw new IllegalArgumentException("a run does not end with its trial " + state);
        };
    }
}
