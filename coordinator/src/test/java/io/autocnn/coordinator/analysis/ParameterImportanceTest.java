package io.autocnn.coordinator.analysis;

import io.autocnn.space.definition.SearchedParameter;
import io.autocnn.space.definition.SpaceFile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ParameterImportanceTest {

    private static final List<SearchedParameter> SEARCHED = SearchedParameter.of(SpaceFile.parse("""
            convBlocks:
              depth: {min: 1, max: 2}
              filters: {min: 8, max: 64, log: true}
              kernelSize: {choices: [3, 5]}
            training:
              learningRate: {min: 0.0001, max: 0.1, log: true}
              optimizer: {choices: [ADAM, SGD]}
            """, "space.yaml", true));

    /** Trials whose error is driven by the learning rate (far from 0.003 is worse) and a little by the optimizer. */
    private static List<Map<String, Object>> trials(int count, long seed, double[] errors) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Map<String, Object>> trials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> p = new HashMap<>();
            int depth = 1 + random.nextInt(2);
            p.put("convBlocks.depth", depth);
            for (int layer = 0; layer < depth; layer++) {
                p.put("convBlocks[" + layer + "].filters", 8 + random.nextInt(57));
                p.put("convBlocks[" + layer + "].kernelSize", random.nextBoolean() ? 3 : 5);
            }
            double learningRate = Math.pow(10, -4 + 3 * random.nextDouble());
            String optimizer = random.nextBoolean() ? "ADAM" : "SGD";
            p.put("training.learningRate", learningRate);
            p.put("training.optimizer", optimizer);
            errors[i] = 0.1 + 0.05 * Math.abs(Math.log10(learningRate / 0.003)) + (optimizer.equals("SGD") ? 0.01 : 0)
                    + 0.002 * random.nextGaussian();
            trials.add(p);
        }
        return trials;
    }

    @Test
    void theParameterThatDrivesTheErrorComesFirstAndTheSharesSumToOne() {
        double[] errors = new double[120];
        List<Map<String, Object>> trials = trials(120, 11, errors);

        ParameterImportance importance = ParameterImportance.of(SEARCHED, trials, errors, 5);

        assertThat(importance.trials()).isEqualTo(120);
        assertThat(importance.parameters()).extracting(ParameterImportance.Share::parameter)
                .containsExactlyInAnyOrderElementsOf(SEARCHED.stream().map(SearchedParameter::key).toList());
        assertThat(importance.parameters().get(0).parameter()).isEqualTo("training.learningRate");
        assertThat(importance.parameters().get(0).importance()).isGreaterThan(0.6);
        assertThat(importance.parameters().get(1).parameter()).isEqualTo("training.optimizer");
        assertThat(importance.parameters().stream().mapToDouble(ParameterImportance.Share::importance).sum())
                .isCloseTo(1, within(1e-9));
        for (ParameterImportance.Share share : importance.parameters().subList(2, SEARCHED.size())) {
            assertThat(share.importance()).as(share.parameter()).isLessThan(0.1);
        }
        assertThat(importance.method()).contains("permutation", "random-forest", "120 completed trials");
        assertThat(ParameterImportance.of(SEARCHED, trials, errors, 5)).as("seeded").isEqualTo(importance);
    }

    @Test
    void tooFewTrialsOrMismatchedErrorsAreRefused() {
        double[] errors = new double[ParameterImportance.MIN_TRIALS - 1];
        List<Map<String, Object>> trials = trials(errors.length, 1, errors);
        assertThatThrownBy(() -> ParameterImportance.of(SEARCHED, trials, errors, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least "
                        + ParameterImportance.MIN_TRIALS);
        assertThatThrownBy(() -> ParameterImportance.of(SEARCHED, trials, new double[errors.length + 1], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("errors");
    }

    @Test
    void aParameterATrialLacksOrOfAnotherSpaceIsEncodedAsAbsent() {
        SearchedParameter secondFilters = SearchedParameter.named(SEARCHED, "convBlocks[1].filters").orElseThrow();
        SearchedParameter optimizer = SearchedParameter.named(SEARCHED, "training.optimizer").orElseThrow();
        assertThat(ParameterEncoding.encode(secondFilters, null)).isEqualTo(ParameterEncoding.ABSENT);
        assertThat(ParameterEncoding.encode(optimizer, "NESTEROV")).isEqualTo(ParameterEncoding.ABSENT);
        assertThat(ParameterEncoding.encode(optimizer, "SGD")).isEqualTo(2);
        assertThat(ParameterEncoding.encode(secondFilters, 8)).isGreaterThan(ParameterEncoding.ABSENT)
                .isLessThan(ParameterEncoding.encode(secondFilters, 64));
    }
}
