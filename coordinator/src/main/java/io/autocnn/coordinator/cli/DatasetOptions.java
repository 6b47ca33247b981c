package io.autocnn.coordinator.cli;

import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.DatasetSplit;
import io.autocnn.workers.data.ImageDataset;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.data.PixelScrambler;
import io.autocnn.workers.train.TrainingData;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/** The dataset options every training command shares, and the preparation they imply (sample, scramble, split). */
final class DatasetOptions {

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "One of: fashion-mnist, mnist, cifar10, cifar10-gray, folder. Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the dataset's files (default for fashion-mnist: /usr/share/datasets/fashion-mnist).")
    Path dataDir;

    @Option(names = "--image-size", defaultValue = "28x28", paramLabel = "HxW",
            description = "For --dataset folder: size images are resized to. Default: ${DEFAULT-VALUE}.")
    String imageSize;

    @Option(names = "--channels", defaultValue = "1", description = "For --dataset folder: 1 (gray) or 3 (colour).")
    int channels;

    @Option(names = "--limit", paramLabel = "N",
            description = "Use a class-balanced sample of N training images (before the validation split).")
    Integer limit;

    @Option(names = "--test-limit", paramLabel = "N", description = "Use a class-balanced sample of N test images.")
    Integer testLimit;

    @Option(names = "--validation-fraction", defaultValue = "0.1",
            description = "Share of the training images held out for validation. Default: ${DEFAULT-VALUE}.")
    double validationFraction;

    @Option(names = "--scramble", description = "Permute pixels by one fixed seeded permutation (train and test alike).")
    boolean scramble;

    @Option(names = "--scramble-seed", defaultValue = "2024", description = "Seed of the pixel permutation.")
    long scrambleSeed;

    ImageDataset open() {
        return recipe(0).open();
    }

    /** Reads the files and prepares train / validation / test arrays; {@code splitSeed} fixes sample and split. */
    TrainingData prepare(ImageDataset source, long splitSeed) {
        return recipe(splitSeed).prepare(source);
    }

    /** The sampled images (--limit, --test-limit) with the validation set carved out, not scrambled. */
    DatasetSplit split(ImageDataset source, long splitSeed) {
        return recipe(splitSeed).split(source);
    }

    /** The one pixel permutation of --scramble-seed, for images of this split's shape. */
    PixelScrambler scrambler(DatasetSplit split) {
        return new PixelScrambler(split.train().shape(), scrambleSeed);
    }

    /** These options as a value that can be shipped to Spark executors, which prepare the same arrays. */
    DataRecipe recipe(long splitSeed) {
        return new DataRecipe(dataset, dataDir == null ? "" : dataDir.toAbsolutePath().toString(), folderShape(),
                limit == null ? 0 : limit, testLimit == null ? 0 : testLimit, validationFraction, scramble,
                scrambleSeed, splitSeed);
    }

    private ImageShape folderShape() {
        String[] parts = imageSize.toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2 && (channels == 1 || channels == 3)) {
                return new ImageShape(channels, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("--image-size must look like 28x28 and --channels be 1 or 3, got '"
                + imageSize + "' and " + channels);
    }
}
