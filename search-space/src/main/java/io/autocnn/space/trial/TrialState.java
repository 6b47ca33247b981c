package io.autocnn.space.trial;

/** Where a trial's life ended (or stands). */
public enum TrialState {
    PENDING,
    RUNNING,
    COMPLETED,
    PRUNED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING && this != RUNNING;
    }
}
