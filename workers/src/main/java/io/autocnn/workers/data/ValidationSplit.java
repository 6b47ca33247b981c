package io.autocnn.workers.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Carves a validation set out of the training images, deterministically from a seed and stratified by class, so
 * every class keeps its share in both parts. Search decisions use the validation error; the test set stays unseen.
 */
public final class ValidationSplit {

    private ValidationSplit() {
    }

    /** The two parts of a split training set. */
    public record Parts(LabeledImages train, LabeledImages validation) {
    }

    /**
     * @param fraction share of each class that goes to validation, in (0, 1)
     * @param seed     same seed, same split
     */
    public static Parts carve(LabeledImages images, double fraction, long seed) {
        int[][] parts = carveIndices(images.labels(), images.numClasses(), fraction, seed);
        return new Parts(images.select(parts[0]), images.select(parts[1]));
    }

    /** {@link #carve} on labels alone: the positions of the training part ([0]) and of the validation part ([1]). */
    static int[][] carveIndices(int[] labels, int numClasses, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + fraction);
        }
        SplittableRandom random = new SplittableRandom(seed);
        IntStream.Builder train = IntStream.builder();
        IntStream.Builder validation = IntStream.builder();
        for (int c = 0; c < numClasses; c++) {
            int label = c;
            int[] members = IntStream.range(0, labels.length).filter(i -> labels[i] == label).toArray();
            SeededPermutation.shuffle(members, random);
            int validationCount = (int) Math.round(members.length * fraction);
            Arrays.stream(members, 0, validationCount).forEach(validation);
            Arrays.stream(members, validationCount, members.length).forEach(train);
        }
        // Interleave the classes again so the first N images of either part are a fair sample.
        int[] trainIndices = train.build().toArray();
        int[] validationIndices = validation.build().toArray();
        SeededPermutation.shuffle(trainIndices, random);
        SeededPermutation.shuffle(validationIndices, random);
        return new int[][]{trainIndices, validationIndices};
    }

    /** A class-stratified random subset of about {@code count} images (all of them if count is larger). */
    public static LabeledImages sample(LabeledImages images, int count, long seed) {
        if (count <= 0) {
            throw new IllegalArgumentException("sample size must be positive, got " + count);
        }
        if (count >= images.size()) {
            return images;
        }
        return images.select(sampleIndices(images.labels(), images.numClasses(), count, seed));
    }

    /**
     * {@link #sample} on labels alone: the positions of the sampled images, in the sample's order, so a dataset can
     * decode only those (a folder of large images is never decoded whole for a small sample).
     */
    static int[] sampleIndices(int[] labels, int numClasses, int count, long seed) {
        if (count <= 0) {
            throw new IllegalArgumentException("sample size must be positive, got " + count);
        }
        if (count >= labels.length) {
            return IntStream.range(0, labels.length).toArray();
        }
        int[] sampled = carveIndices(labels, numClasses, (double) count / labels.length, seed)[1];
        return Arrays.copyOf(sampled, Math.min(count, sampled.length));
    }
}
