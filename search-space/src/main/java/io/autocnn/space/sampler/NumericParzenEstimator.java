package io.autocnn.space.sampler;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A mixture of Gaussians truncated to [0, 1], one per observed unit value plus a wide prior component at the centre
 * (as Optuna's TPE): each observation's bandwidth is the larger gap to its neighbours, clipped to
 * [1 / min(100, n + 1), 1], so the estimate is sharp where observations crowd and broad where they are sparse.
 * Working on the unit scale means a log range is modelled in log space and an integer range like a real one.
 */
final class NumericParzenEstimator implements ParzenEstimator {

    private static final double SQRT2 = Math.sqrt(2);
    private static final double PRIOR_MU = 0.5;
    private static final double PRIOR_SIGMA = 1.0;

    private final double[] mus;
    private final double[] sigmas;
    private final double[] logWeights;
    private final double[] cumulativeWeights;

    NumericParzenEstimator(double[] observed, double priorWeight) {
        int n = observed.length;
        double[] sorted = observed.clone();
        Arrays.sort(sorted);
        mus = new double[n + 1];
        sigmas = new double[n + 1];
        double[] weights = new double[n + 1];
        double minSigma = 1.0 / Math.min(100, n + 1);
        for (int i = 0; i < n; i++) {
            double left = sorted[i] - (i > 0 ? sorted[i - 1] : 0);
            double right = (i < n - 1 ? sorted[i + 1] : 1) - sorted[i];
            mus[i] = sorted[i];
            sigmas[i] = Math.max(minSigma, Math.min(1.0, Math.max(left, right)));
            weights[i] = 1;
        }
        mus[n] = PRIOR_MU;
        sigmas[n] = PRIOR_SIGMA;
        weights[n] = priorWeight;
        double total = Arrays.stream(weights).sum();
        logWeights = new double[n + 1];
        cumulativeWeights = new double[n + 1];
        double cumulative = 0;
        for (int i = 0; i <= n; i++) {
            // Each component is renormalised to the part of it that lies in [0, 1].
            double mass = phi((1 - mus[i]) / sigmas[i]) - phi(-mus[i] / sigmas[i]);
            logWeights[i] = Math.log(weights[i] / total) - Math.log(mass) - Math.log(sigmas[i]);
            cumulative += weights[i] / total;
            cumulativeWeights[i] = cumulative;
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        double pick = random.nextDouble();
        int component = 0;
        while (component < cumulativeWeights.length - 1 && pick >= cumulativeWeights[component]) {
            component++;
        }
        // Rejection: with a centre in [0, 1] and a bandwidth of at most 1, at least a third of draws are accepted.
        for (int attempt = 0; attempt < 1_000; attempt++) {
            double x = mus[component] + sigmas[component] * random.nextGaussian();
            if (x >= 0 && x <= 1) {
                return x;
            }
        }
        return mus[component];
    }

    @Override
    public double logDensity(double x) {
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[mus.length];
        for (int i = 0; i < mus.length; i++) {
            double z = (x - mus[i]) / sigmas[i];
            terms[i] = logWeights[i] - 0.5 * z * z;
            max = Math.max(max, terms[i]);
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return max + Math.log(sum) - 0.5 * Math.log(2 * Math.PI);
    }

    /** Standard normal distribution function. */
    static double phi(double z) {
        return 0.5 * erfc(-z / SQRT2);
    }

    /** Complementary error function, Chebyshev fit with fractional error below 1.2e-7 (Numerical Recipes). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}
