package io.autocnn.space.sampler;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model-based samplers must actually use the history: on the synthetic objective over the real LeNet space,
 * with the same budget, their best value averaged over ten seeds is clearly below random search's. The runs are
 * deterministic; measured when this test was written (mean best of 60 trials, seeds 0-9 / 10-19 / 20-29): random
 * 0.276 / 0.245 / 0.271, evolutionary 0.176 / 0.173 / 0.158, TPE 0.193 / 0.123 / 0.172, so the 15 % margin asked
 * here holds for every block of ten seeds tried, not only for the one used.
 */
class SearchQualityTest {

    private static final int TRIALS = 60;
    private static final long[] SEEDS = LongStream.range(0, 10).toArray();

    @Test
    void tpeFindsBetterCandidatesThanRandom() {
        assertThat(meanBest(TpeSampler.NAME)).isLessThan(0.85 * meanBest(RandomSampler.NAME));
    }

    @Test
    void evolutionFindsBetterCandidatesThanRandom() {
        assertThat(meanBest(EvolutionarySampler.NAME)).isLessThan(0.85 * meanBest(RandomSampler.NAME));
    }

    private static double meanBest(String sampler) {
        return LongStream.of(SEEDS).mapToDouble(seed -> LenetObjective.best(
                LenetObjective.run(Samplers.create(sampler, LenetObjective.SPACE, seed), TRIALS))).average()
                .orElseThrow();
    }
}
