package io.autocnn.space.scheduler;

/** What a scheduler answers after a trial reports an epoch. */
public enum Decision {
    /** Keep training towards the trial's current target. */
    CONTINUE,
    /** Stop for good: the trial is pruned. */
    STOP,
    /** The trial reached its rung; it stops now (model saved) and may be promoted later to train further. */
    PAUSE
}
