package io.autocnn.space.trial;

import java.util.OptionalDouble;

/**
 * What a trial reports after each epoch (or after the last, partial one).
 *
 * @param epoch            epochs trained so far, counting fractions (1.0, 2.0, 2.5 ...)
 * @param trainLoss        mean minibatch loss over this epoch's batches
 * @param trainError       misclassified share of a fixed sample of the training set, after this epoch
 * @param validationError  misclassified share of the validation set; what search decisions use
 * @param testError        misclassified share of the test set, when the run measures it (reporting only)
 * @param epochSeconds     wall-clock seconds spent training this epoch (evaluation excluded)
 * @param examplesPerSecond training throughput of this epoch
 * @param parameterCount   trainable parameters of the network
 */
public record EpochMetrics(double epoch, double trainLoss, double trainError, double validationError,
                           OptionalDouble testError, double epochSeconds, double examplesPerSecond,
                           long parameterCount) {

    /**
     * Epoch counts are ratios of batch counts reported to six decimals (1/3 of an epoch of 15 batches shows as
     * 0.333333): comparisons of epoch counts allow this much.
     */
    public static final double EPOCH_TOLERANCE = 1e-6;

    public EpochMetrics {
        if (testError == null) {
            testError = OptionalDouble.empty();
        }
    }
}
