package io.autocnn.workers.train;

import java.io.Serializable;

/**
 * How the runner measures and what it does to training images, independent of the network it trains.
 *
 * @param trainErrorSample  training error is measured on at most this many training images (the first ones of a
 *                          shuffled set, so a fair sample): measuring all 54,000 would cost a third of an epoch
 * @param evaluationChunk   images per inference call when measuring errors
 * @param trialMemoryLimit  bytes of off-heap memory a trial may need by its estimate before it is refused as
 *                          TOO_LARGE; {@link #FREE_OFF_HEAP} means what is free when the trial starts
 * @param augmentation      what changes training batches (the dataset's declared augmentation)
 * @param replicas          copies of the network that train side by side on parts of each batch
 *                          ({@link DataParallelFit}); 1 for a trial that shares the machine with others
 */
public record RunnerOptions(int trainErrorSample, int evaluationChunk, long trialMemoryLimit, Augmentation augmentation,
                            int replicas) implements Serializable {

    /** Refuse a trial whose estimate exceeds the off-heap memory free when it starts ({@link OffHeapMemory}). */
    public static final long FREE_OFF_HEAP = 0;

    public static RunnerOptions defaults() {
        return new RunnerOptions(10_000, 1_000);
    }

    public RunnerOptions(int trainErrorSample, int evaluationChunk) {
        this(trainErrorSample, evaluationChunk, FREE_OFF_HEAP, Augmentation.NONE, 1);
    }

    public RunnerOptions {
        if (trainErrorSample < 1 || evaluationChunk < 1) {
            throw new IllegalArgumentException("trainErrorSample and evaluationChunk must be positive");
        }
        if (augmentation == null) {
            augmentation = Augmentation.NONE;
        }
        if (trialMemoryLimit < 0) {
            throw new IllegalArgumentException("trialMemoryLimit must be FREE_OFF_HEAP (0) or positive, got "
                    + trialMemoryLimit);
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, got " + replicas);
        }
    }

    public RunnerOptions withTrialMemoryLimit(long bytes) {
        return new RunnerOptions(trainErrorSample, evaluationChunk, bytes, augmentation, replicas);
    }

    public RunnerOptions withAugmentation(Augmentation value) {
        return new RunnerOptions(trainErrorSample, evaluationChunk, trialMemoryLimit, value, replicas);
    }

    public RunnerOptions withReplicas(int count) {
        return new RunnerOptions(trainErrorSample, evaluationChunk, trialMemoryLimit, augmentation, count);
    }

    /**
     * As many replicas as {@code slots}, but no more than this machine's cores hold at ND4J's native threads each
     * (one for a search's trials): more would only take cores from each other.
     */
    public RunnerOptions withReplicasUpTo(int slots) {
        int fit = Runtime.getRuntime().availableProcessors() / NativeThreads.count();
        return withReplicas(Math.max(1, Math.min(slots, fit)));
    }

    /**
     * Training images the training error is measured on beside {@code validationImages} validation ones (0 when the
     * data has none): no more than those, since the training error only shows overfitting next to the validation
     * error and more images would not make that comparison sharper. For {@code train} and {@code compare}'s LeNet-5
     * on Fashion-MNIST (6,000 validation images) that is 12,000 inference images an epoch instead of 16,000, about 1 %
     * of LeNet-5's epoch; a search's trials measure 2,000 ({@code SearchEngine.MEASURING}) and keep doing so.
     */
    public int trainErrorImages(int validationImages) {
        return validationImages == 0 ? trainErrorSample : Math.min(trainErrorSample, validationImages);
    }

    /** The bytes a trial starting now may need. */
    long trialMemoryAvailable() {
        return trialMemoryLimit == FREE_OFF_HEAP ? OffHeapMemory.freeBytes() : trialMemoryLimit;
    }
}
