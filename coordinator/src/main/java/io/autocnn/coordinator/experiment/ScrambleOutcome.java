package io.autocnn.coordinator.experiment;

/**
 * One model's test accuracy on the original images and on the same images with their pixels permuted.
 *
 * @param model a person's name for the model, e.g. {@code LeNet-5}
 */
public record ScrambleOutcome(String model, double originalAccuracy, double scrambledAccuracy) {

    /** Scrambled minus original accuracy: negative when scrambling hurts. */
    public double change() {
        return scrambledAccuracy - originalAccuracy;
    }
}
