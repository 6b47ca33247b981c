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
    /** Someone (or the search's end) cancelled it while it trained. */
    CANCELLED,
    /** The search's wall-clock budget ran out while it trained; its epochs and model up to then are kept. */
    TIMED_OUT;

    public boolean isFinal() {
        return this != PENDING && this != RUNNING && this != PAUSED;
    }
}
