package io.autocnn.workers.train;

import java.io.Serializable;

/**
 * How the runner measures, independent of what it trains.
 *
 * @param trainErrorSample  training error is measured on this many training images (the first ones of a shuffled
 *                          set, so a fair sample): measuring all 54,000 would cost a third of an epoch
 * @param evaluationChunk   images per inference call when measuring errors
 * @param trialMemoryLimit  bytes of off-heap memory a trial may need by its estimate before it is refused as
 *                          TOO_LARGE; {@link #FREE_OFF_HEAP} means what is free when the trial starts
 */
public record RunnerOptions(int trainErrorSample, int evaluationChunk, long trialMemoryLimit) implements Serializable {

    /** Refuse a trial whose estimate exceeds the off-heap memory free when it starts ({@link OffHeapMemory}). */
    public static final long FREE_OFF_HEAP = 0;

    public static RunnerOptions defaults() {
        return new RunnerOptions(10_000, 1_000);
    }

    public RunnerOptions(int trainErrorSample, int evaluationChunk) {
        this(trainErrorSample, evaluationChunk, FREE_OFF_HEAP);
    }

    public RunnerOptions {
        if (trainErrorSample < 1 || evaluationChunk < 1) {
            throw new IllegalArgumentException("trainErrorSample and evaluationChunk must be positive");
        }
        if (trialMemoryLimit < 0) {
            throw new IllegalArgumentException("trialMemoryLimit must be FREE_OFF_HEAP (0) or positive, got "
                    + trialMemoryLimit);
        }
    }

    public RunnerOptions withTrialMemoryLimit(long bytes) {
        return new RunnerOptions(trainErrorSample, evaluationChunk, bytes);
    }

    /** The bytes a trial starting now may need. */
    long trialMemoryAvailable() {
        return trialMemoryLimit == FREE_OFF_HEAP ? OffHeapMemory.freeBytes() : trialMemoryLimit;
    }
}
