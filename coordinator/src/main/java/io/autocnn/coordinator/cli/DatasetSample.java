package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.definition.SearchField;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * The options that say which images of a dataset a command uses, wherever the files are: the same fields as a search
 * definition's {@code dataset} object, with its defaults ({@link DefinitionDefaults}).
 */
final class DatasetSample {

    @Option(names = "--dataset", descriptionKey = "dataset.name",
            description = "One of: fashion-mnist, mnist, cifar10, cifar10-gray, folder. Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = DefinitionDefaults.IMAGE_SIZE, descriptionKey = DefinitionDefaults.IMAGE_SIZE_KEY, paramLabel = "HxW",
            description = "For --dataset folder: size images are resized to. Default: ${DEFAULT-VALUE}.")
    String imageSize;

    @Option(names = "--channels", descriptionKey = "dataset.channels", description = "For --dataset folder: 1 (gray) or 3 (colour). Default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--limit", descriptionKey = "dataset.limit", paramLabel = "N",
            description = "Use a class-balanced sample of N training images (before the validation split); 0 for all.")
    int limit;

    @Option(names = "--test-limit", descriptionKey = "dataset.testLimit", paramLabel = "N",
            description = "Use a class-balanced sample of N test images; 0 for all.")
    int testLimit;

    @Option(names = "--validation-fraction", descriptionKey = "dataset.validationFraction",
            description = "Share of the training images held out for validation. Default: ${DEFAULT-VALUE}.")
    double validationFraction;

    @Option(names = "--scramble", descriptionKey = "dataset.scramble", description = "Permute pixels by one fixed seeded permutation (train and test alike).")
    boolean scramble;

    @Option(names = "--scramble-seed", descriptionKey = "dataset.scrambleSeed", description = "Seed of the pixel permutation. Default: ${DEFAULT-VALUE}.")
    long scrambleSeed;

    /** Writes these options as a definition's {@code dataset} object (the path is the caller's). */
    void writeTo(ObjectNode dataset) {
        dataset.put("name", dataset()).put("limit", limit).put("testLimit", testLimit)
                .put("validationFraction", validationFraction).put("imageHeight", imageHeight())
                .put("imageWidth", imageWidth()).put("channels", channels).put("scramble", scramble)
                .put("scrambleSeed", scrambleSeed);
    }

    String dataset() {
        return dataset;
    }

    int imageHeight() {
        return imageSide(0);
    }

    int imageWidth() {
        return imageSide(1);
    }

    private int imageSide(int index) {
        String[] parts = imageSize.toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return Integer.parseInt(parts[index]);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(DefinitionDefaults.IMAGE_SIZE + " must look like "
                + SearchField.IMAGE_HEIGHT.defaultValue().orElseThrow() + "x"
                + SearchField.IMAGE_WIDTH.defaultValue().orElseThrow() + ", got '" + imageSize + "'");
    }
}
