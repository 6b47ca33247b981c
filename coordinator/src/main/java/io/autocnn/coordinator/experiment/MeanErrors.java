package io.autocnn.coordinator.experiment;

/**
 * One model's train and test error at one epoch, averaged over independent runs, with the runs' standard deviation
 * (0 for a single run). Errors are fractions.
 */
public record MeanErrors(double epoch, double trainError, double trainErrorSd, double testError, double testErrorSd) {

    static MeanErrors of(double epoch, double[] trainErrors, double[] testErrors) {
        Spread train = Spread.of(trainErrors);
        Spread test = Spread.of(testErrors);
        return new MeanErrors(epoch, train.mean(), train.sd(), test.mean(), test.sd());
    }
}
