package io.autocnn.space.trial;

/** Where a trial's life ended (or stands). */
public enum TrialState {
    PENDING,
    RUNNING,
    /** Reached a rung of a multi-fidelity scheduler; may be promoted to train further. */
    PAUSED,
    COMPLETED,
    PRUNED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING && this != RUNNING && this != PAUSED;
    }
}
