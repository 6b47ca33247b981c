package io.autocnn.workers.train;

import java.io.Serializable;

/**
 * How the runner measures, independent of what it trains.
 *
 * @param trainErrorSample  training error is measured on this many training images (the first ones of a shuffled
 *                          set, so a fair sample): measuring all 54,000 would cost a third of an epoch
 * @param evaluationChunk   images per inference call when measuring errors
 */
public record RunnerOptions(int trainErrorSample, int evaluationChunk) implements Serializable {

    public static RunnerOptions defaults() {
        return new RunnerOptions(10_000, 1_000);
    }

    public RunnerOptions {
        if (trainErrorSample < 1 || evaluationChunk < 1) {
            throw new IllegalArgumentException("trainErrorSample and evaluationChunk must be positive");
        }
    }
}
