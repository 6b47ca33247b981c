package io.autocnn.coordinator.store;

/** What happened to a trial. The last five end a run of the trial; PAUSED ones may be promoted later. */
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
    CANCELLED
}
