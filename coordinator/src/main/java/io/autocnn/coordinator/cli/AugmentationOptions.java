package io.autocnn.coordinator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.coordinator.definition.DatasetDefinition;
import io.autocnn.workers.train.Augmentation;
import picocli.CommandLine.Option;

/** The dataset's augmentation of training batches, for the commands that search (their definition's dataset). */
final class AugmentationOptions {

    @Option(names = "--augment-shift", paramLabel = "PIXELS", descriptionKey = "dataset.augmentShift",
            description = "Move each training image by up to this many pixels each way (zero border). "
                    + "Default: ${DEFAULT-VALUE}.")
    int shift;

    @Option(names = "--augment-flip", descriptionKey = "dataset.augmentFlip",
            description = "Mirror training images left to right with probability 1/2 (refused for mnist).")
    boolean flip;

    @Option(names = "--augment-erasing", descriptionKey = "dataset.augmentErasing",
            description = "Random erasing: with probability 1/2, set a rectangle of 2-20%% of a training image to 0.")
    boolean erasing;

    /** For a command that trains without a definition: the same rules as a definition's ({@code dataset} named). */
    Augmentation value(String dataset) {
        Augmentation augmentation;
        try {
            augmentation = new Augmentation(shift, flip, erasing);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--augment-shift: " + e.getMessage(), e);
        }
        DatasetDefinition.refusal(dataset, augmentation).ifPresent(reason -> {
            throw new IllegalArgumentException("--augment-flip: " + reason);
        });
        return augmentation;
    }

    void writeTo(ObjectNode dataset) {
        dataset.put("augmentShift", shift).put("augmentFlip", flip).put("augmentErasing", erasing);
    }
}
