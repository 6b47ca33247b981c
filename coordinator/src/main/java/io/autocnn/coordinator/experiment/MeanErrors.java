package io.autocnn.coordinator.experiment;

import java.util.Arrays;

/**
 * One model's train and test error at one epoch, averaged over independent runs, with the runs' standard deviation
 * (0 for a single run). Errors are fractions.
 */
public record MeanErrors(double epoch, double trainError, double trainErrorSd, double testError, double testErrorSd) {

    static MeanErrors of(double epoch, double[] trainErrors, double[] testErrors) {
        return new MeanErrors(epoch, mean(trainErrors), sd(trainErrors), mean(testErrors), sd(testErrors));
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    /** Sample standard deviation (n - 1), the spread one would expect of another run. */
    private static double sd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.length - 1));
    }
}
