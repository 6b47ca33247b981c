package io.autocnn.coordinator.definition;

import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.train.Augmentation;

import java.util.Optional;
import java.util.Set;

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
 * @param augmentation       random changes to training batches (shifts, flips, erasing); never to other images
 */
public record DatasetDefinition(String name, String path, int limit, int testLimit, double validationFraction,
                                int imageHeight, int imageWidth, int channels, boolean scramble, long scrambleSeed,
                                Augmentation augmentation) {

    /** Datasets of digits: a mirrored digit is another symbol (or none), so flips are refused for them. */
    private static final Set<String> DIGITS = Set.of("mnist");

    /** Why {@code augmentation} cannot be used on the dataset {@code name}, if it cannot. */
    public static Optional<String> refusal(String name, Augmentation augmentation) {
        return augmentation.horizontalFlip() && DIGITS.contains(name)
                ? Optional.of("'" + name + "' holds digits, which a mirror turns into other symbols: no flips for it")
                : Optional.empty();
    }

    /** The recipe executors prepare, reading the files from {@code directory} ("" for the default location). */
    public DataRecipe recipe(String directory, long splitSeed) {
        return new DataRecipe(name, directory, new ImageShape(channels, imageHeight, imageWidth), limit, testLimit,
                validationFraction, scramble, scrambleSeed, splitSeed);
    }
}
