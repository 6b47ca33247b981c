package io.autocnn.space.sampler;

import java.util.SplittableRandom;

/**
 * Smoothed frequencies of the choices: count + prior weight for each choice (as Optuna's TPE), so an unseen choice
 * keeps some probability and a single good trial does not settle a choice for good.
 */
final class CategoricalParzenEstimator implements ParzenEstimator {

    private final double[] probabilities;

    CategoricalParzenEstimator(int[] observed, int choices, double priorWeight) {
        probabilities = new double[choices];
        for (int index : observed) {
            probabilities[index]++;
        }
        double total = observed.length + priorWeight * choices;
        for (int i = 0; i < choices; i++) {
            probabilities[i] = (probabilities[i] + priorWeight) / total;
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        double pick = random.nextDouble();
        for (int i = 0; i < probabilities.length - 1; i++) {
            pick -= probabilities[i];
            if (pick < 0) {
                return i;
            }
        }
        return probabilities.length - 1;
    }

    @Override
    public double logDensity(double x) {
        return Math.log(probabilities[(int) x]);
    }
}
