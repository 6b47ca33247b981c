package io.autocnn.workers.train;

/**
 * When a run measures the test set (for reporting only, never to decide). A pass over Fashion-MNIST's 10,000 test
 * images costs seconds, so a run that reports no test figure of its own should not pay for one.
 */
public enum TestMeasure {
    /** After every epoch: a single network's training, where the curve is the report. */
    EVERY_EPOCH,
    /** Once, at the epoch a trial has trained all its epochs on all its data: its final figure on the leaderboard. */
    WHEN_FINISHED,
    /** Never: a run whose model its caller measures afterwards (a final training's calibrating and annealing runs). */
    NEVER;

    /** Whether a run measures test after an epoch that {@code finished} (or not) its trial's training. */
    boolean after(boolean finished) {
        return this == EVERY_EPOCH || (this == WHEN_FINISHED && finished);
    }
}
