package io.autocnn.workers.data;

/**
 * A source of labelled images with a training and a test part. Implementations read files; every failure to read
 * is a {@link DatasetException} that names the file, what was expected and what was found.
 */
public interface ImageDataset {

    /** A short description for reports and provenance, for example the directory the files came from. */
    String description();

    /** The training images; search decisions carve their validation set from these. */
    LabeledImages train();

    /** The held-out test images, used only for reporting; empty when the dataset has none. */
    LabeledImages test();

    /** A class-balanced sample of {@code count} training images ({@link ValidationSplit#sample}). */
    default LabeledImages trainSample(int count, long seed) {
        return ValidationSplit.sample(train(), count, seed);
    }

    /** A class-balanced sample of {@code count} test images; empty when the dataset has none. */
    default LabeledImages testSample(int count, long seed) {
        LabeledImages test = test();
        return test.size() == 0 ? test : ValidationSplit.sample(test, count, seed);
    }
}
