package io.autocnn.space.sampler;

import io.autocnn.space.definition.Candidate;
import io.autocnn.space.spec.Optimizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TpeSamplerTest {

    @Test
    void startupTrialsAreRandom() {
        List<Candidate> tpe = LenetObjective.run(new TpeSampler(LenetObjective.SPACE, 2), 10);
        assertThat(tpe).isEqualTo(LenetObjective.run(new RandomSampler(LenetObjective.SPACE, 2), 10));
    }

    /**
     * Weight decay exists only in NESTEROVS trials; the objective rewards NESTEROVS with weight decay near 1e-4.
     * TPE must learn the choice and model weight decay from the trials that have it.
     */
    @Test
    void conditionalKeyIsLearnedFromTheTrialsThatHaveIt() {
        List<Observation> history = new ArrayList<>();
        RandomSampler random = new RandomSampler(LenetObjective.SPACE, 8);
        for (int i = 0; i < 40; i++) {
            Candidate candidate = random.propose(i, history).orElseThrow();
            history.add(new Observation(i, candidate.parameters(), weightDecayError(candidate)));
        }
        TpeSampler tpe = new TpeSampler(LenetObjective.SPACE, 8);
        List<Candidate> proposed = IntStream.range(40, 70)
                .mapToObj(i -> tpe.propose(i, history).orElseThrow()).toList();
        List<Candidate> nesterovs = proposed.stream()
                .filter(c -> c.spec().training().optimizer() == Optimizer.NESTEROVS).toList();
        assertThat(nesterovs).hasSizeGreaterThan(20);
        assertThat(nesterovs).allSatisfy(c -> assertThat(c.parameters()).containsKey("training.weightDecay"));
        double tpeMedian = median(nesterovs.stream().mapToDouble(TpeSamplerTest::weightDecayError).toArray());
        double randomMedian = median(history.stream().filter(o -> o.parameters().containsKey("training.weightDecay"))
                .mapToDouble(Observation::objective).toArray());
        assertThat(tpeMedian).isLessThan(randomMedian / 2);
    }

    private static double weightDecayError(Candidate candidate) {
        return candidate.spec().training().optimizer() == Optimizer.NESTEROVS
                ? Math.abs(Math.log10(candidate.spec().training().weightDecay() / 1e-4)) : 5.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    void numericEstimatorIsADensityOnTheUnitIntervalPeakingAtObservations() {
        NumericParzenEstimator estimator = new NumericParzenEstimator(new double[] {0.2, 0.22, 0.8}, 1.0);
        int steps = 20_000;
        double integral = 0;
        for (int i = 0; i < steps; i++) {
            integral += Math.exp(estimator.logDensity((i + 0.5) / steps)) / steps;
        }
        assertThat(integral).isCloseTo(1.0, within(1e-3));
        assertThat(estimator.logDensity(0.21)).isGreaterThan(estimator.logDensity(0.5));
        assertThat(estimator.logDensity(0.21)).isGreaterThan(estimator.logDensity(0.95));
        SplittableRandom random = new SplittableRandom(1);
        double[] draws = IntStream.range(0, 4_000).mapToDouble(i -> estimator.sample(random)).toArray();
        assertThat(Arrays.stream(draws).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(Arrays.stream(draws).max().orElseThrow()).isLessThanOrEqualTo(1.0);
        // Draws follow the density: the share of draws in [0.1, 0.32] is the density's mass there.
        double mass = 0;
        for (int i = 0; i < 2_200; i++) {
            mass += Math.exp(estimator.logDensity(0.1 + (i + 0.5) / 10_000)) / 10_000;
        }
        double share = Arrays.stream(draws).filter(x -> x >= 0.1 && x <= 0.32).count() / 4_000.0;
        assertThat(share).isCloseTo(mass, within(0.025));
        assertThat(mass).isGreaterThan(0.22 + 0.03); // more than a uniform density would put there
        assertThat(NumericParzenEstimator.phi(0)).isCloseTo(0.5, within(1e-7));
        assertThat(NumericParzenEstimator.phi(1.96)).isCloseTo(0.9750021, within(1e-6));
    }

    @Test
    void categoricalEstimatorSmoothsCounts() {
        CategoricalParzenEstimator estimator = new CategoricalParzenEstimator(new int[] {1, 1, 1, 0}, 3, 1.0);
        assertThat(Math.exp(estimator.logDensity(1))).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(Math.exp(estimator.logDensity(0))).isCloseTo(2.0 / 7, within(1e-12));
        assertThat(Math.exp(estimator.logDensity(2))).isCloseTo(1.0 / 7, within(1e-12));
        SplittableRandom random = new SplittableRandom(1);
        long ones = IntStream.range(0, 7_000).filter(i -> estimator.sample(random) == 1).count();
        assertThat(ones).isBetween(3_700L, 4_300L);
    }
}
