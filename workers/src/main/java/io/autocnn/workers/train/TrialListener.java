package io.autocnn.workers.train;

import io.autocnn.space.trial.EpochMetrics;

/** Receives a running trial's progress; called on the training thread, so implementations must be quick. */
public interface TrialListener {

    TrialListener NONE = new TrialListener() {
    };

    /** After each epoch (and after a final partial epoch) with its metrics. */
    default void onEpoch(EpochMetrics metrics) {
    }

    /**
     * Asked after each epoch report and each minibatch: true ends the trial there as COMPLETED with the epochs
     * trained so far (an early-stopping scheduler pausing or pruning it, or a cancelled search).
     */
    default boolean shouldStop() {
        return false;
    }

    /** After each minibatch: {@code done} of {@code total} batches of the epoch numbered {@code epochNumber} (1-based). */
    default void onBatch(int epochNumber, int done, int total) {
    }
}
