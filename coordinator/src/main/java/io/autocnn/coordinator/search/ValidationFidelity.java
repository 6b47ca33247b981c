package io.autocnn.coordinator.search;

/**
 * How much of the validation set a run is measured on. Runs to less than a third of the trials' full epochs (an
 * early-stopping scheduler's low rungs, where most candidates are cut) measure on a seeded, class-balanced third of
 * it, which at the lowest rung costs about as much as the training itself; longer runs, which decide the ranking,
 * measure on all of it. Trials compared at one rung are measured on the same images.
 */
final class ValidationFidelity {

    static final double LOW_RUNG_SHARE = 1.0 / 3;
    private static final double EPSILON = 1e-9;

    private ValidationFidelity() {
    }

    static double share(double targetEpochs, double maxEpochs) {
        return targetEpochs < maxEpochs / 3 - EPSILON ? LOW_RUNG_SHARE : 1.0;
    }
}
