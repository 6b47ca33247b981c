package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.definition.DatasetDefinition;
import io.autocnn.coordinator.definition.SearchField;
import io.autocnn.workers.train.Augmentation;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.DatasetSplit;
import io.autocnn.workers.data.ImageDataset;
import io.autocnn.workers.data.PixelScrambler;
import io.autocnn.workers.train.TrainingData;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The dataset options of the commands that read the files themselves: which images ({@link DatasetSample}) and the
 * directory they are in, and the preparation they imply (sample, scramble, split).
 */
final class DatasetOptions {

    @Mixin
    DatasetSample sample = new DatasetSample();

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the dataset's files (default for fashion-mnist: /usr/share/datasets/fashion-mnist).")
    Path dataDir;

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
        return new PixelScrambler(split.train().shape(), sample.scrambleSeed);
    }

    /** The directory given, absolute, or "" for the dataset's default location. */
    String directory() {
        return dataDir == null ? "" : dataDir.toAbsolutePath().toString();
    }

    /** These options as a value that can be shipped to Spark executors, which prepare the same arrays. */
    DataRecipe recipe(long splitSeed) {
        if (!SearchField.CHANNELS.choices().contains(Integer.toString(sample.channels))) {
            throw new IllegalArgumentException("--channels must be one of " + SearchField.CHANNELS.choices() + ", got "
                    + sample.channels);
        }
        return new DatasetDefinition(sample.dataset(), "", sample.limit, sample.testLimit, sample.validationFraction,
                sample.imageHeight(), sample.imageWidth(), sample.channels, sample.scramble, sample.scrambleSeed,
                Augmentation.NONE).recipe(directory(), splitSeed);
    }
}
