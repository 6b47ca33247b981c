package io.autocnn.space.sampler;

/**
 * Settings of the TPE sampler; the defaults are Optuna's.
 *
 * @param startupTrials   random trials before the history is modelled
 * @param candidates      draws from the good trials' density per parameter; the best ratio l/g wins
 * @param gamma           fraction of a key's observations that count as good (at most {@code maxGood} of them,
 *                        at least one)
 * @param maxGood         cap on the number of good observations
 * @param minObservations a key seen in fewer finished trials than this (a layer only deep networks have) is drawn
 *                        at random
 * @param priorWeight     weight of the prior component (uniform-ish) against each observation
 */
public record TpeSettings(int startupTrials, int candidates, double gamma, int maxGood, int minObservations,
                          double priorWeight) {

    public TpeSettings {
        if (startupTrials < 0) {
            throw new IllegalArgumentException("startupTrials must be at least 0, found " + startupTrials);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be at least 1, found " + candidates);
        }
        if (!(gamma > 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1), found " + gamma);
        }
        if (maxGood < 1) {
            throw new IllegalArgumentException("maxGood must be at least 1, found " + maxGood);
        }
        if (minObservations < 1) {
            throw new IllegalArgumentException("minObservations must be at least 1, found " + minObservations);
        }
        if (!(priorWeight > 0)) {
            throw new IllegalArgumentException("priorWeight must be positive, found " + priorWeight);
        }
    }

    public static TpeSettings defaults() {
        return new TpeSettings(10, 24, 0.1, 25, 4, 1.0);
    }

    /** How many of {@code n} observations (best first) are good: ceil(gamma n), between 1 and maxGood. */
    int good(int n) {
        return Math.max(1, Math.min(maxGood, (int) Math.ceil(gamma * n)));
    }
}
