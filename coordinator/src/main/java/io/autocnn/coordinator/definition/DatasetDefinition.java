package io.autocnn.coordinator.definition;

import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageShape;

/**
 * The data a search trains on, as its definition names it (see {@link SearchField} for defaults and ranges).
 *
 * @param name               a registered dataset name ({@code DatasetCatalog.NAMES})
 * @param path               "" for the dataset's default location, else a relative path under the dataset root of
 *                           whoever runs the search (never outside it)
 * @param limit              class-balanced sample of this many training images; 0 for all
 * @param testLimit          the same for test images
 * @param validationFraction share of training images held out for validation
 * @param imageHeight        for a {@code folder} dataset: height images are resized to (other datasets have theirs)
 * @param imageWidth         the same for the width
 * @param channels           for a {@code folder} dataset: 1 (gray) or 3 (colour)
 * @param scramble           apply one fixed seeded pixel permutation to every image (the lecture's experiment)
 * @param scrambleSeed       the permutation's seed
 */
public record DatasetDefinition(String name, String path, int limit, int testLimit, double validationFraction,
                                int imageHeight, int imageWidth, int channels, boolean scramble, long scrambleSeed) {

    /** The recipe executors prepare, reading the files from {@code directory} ("" for the default location). */
    public DataRecipe recipe(String directory, long splitSeed) {
        return new DataRecipe(name, directory, new ImageShape(channels, imageHeight, imageWidth), limit, testLimit,
                validationFraction, scramble, scrambleSeed, splitSeed);
    }
}
