package io.autocnn.space.definition;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SearchedParameterTest {

    private static final SearchSpace SPACE = SpaceFile.parse("""
            convBlocks:
              depth: {min: 1, max: 3}
              filters: {min: 8, max: 64, log: true}
              kernelSize: {choices: [3, 5]}
              padding: SAME
            denseLayers:
              depth: 1
              units: {choices: [32, 64]}
            training:
              batchSize: 32
              learningRate: {min: 0.001, max: 0.1, log: true}
              optimizer: {choices: [ADAM, SGD]}
              weightDecay: {min: 0.0001, max: 0.01, when: {optimizer: SGD}}
            """, "space.yaml", true);

    @Test
    void listsEveryKeyASampledTrialCarriesAndMarksTheOnesSomeTrialsLack() {
        List<SearchedParameter> listed = SearchedParameter.of(SPACE);
        Set<String> keys = listed.stream().map(SearchedParameter::key).collect(Collectors.toSet());
        assertThat(listed).extracting(SearchedParameter::key).containsExactly("convBlocks.depth",
                "convBlocks[0].filters", "convBlocks[0].kernelSize", "convBlocks[1].filters",
                "convBlocks[1].kernelSize", "convBlocks[2].filters", "convBlocks[2].kernelSize",
                "denseLayers[0].units", "training.learningRate", "training.optimizer", "training.weightDecay");

        SplittableRandom random = new SplittableRandom(7);
        Set<String> seen = new HashSet<>();
        Set<String> missingSomewhere = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Candidate candidate = SPACE.sample((key, domain) -> domain instanceof Domain.Categorical c
                    ? c.fromUnit(random.nextDouble()) : domain instanceof Domain.IntRange r
                    ? r.fromUnit(random.nextDouble()) : ((Domain.FloatRange) domain).fromUnit(random.nextDouble()), i);
            assertThat(keys).containsAll(candidate.parameters().keySet());
            seen.addAll(candidate.parameters().keySet());
            keys.stream().filter(k -> !candidate.parameters().containsKey(k)).forEach(missingSomewhere::add);
        }
        assertThat(seen).isEqualTo(keys);
        assertThat(listed.stream().filter(SearchedParameter::conditional).map(SearchedParameter::key))
                .containsExactlyInAnyOrderElementsOf(missingSomewhere);
        assertThat(SearchedParameter.named(listed, "training.learningRate").orElseThrow().isNumeric()).isTrue();
        assertThat(SearchedParameter.named(listed, "training.optimizer").orElseThrow().isNumeric()).isFalse();
        assertThat(SearchedParameter.named(listed, "training.batchSize")).as("fixed, not searched").isEmpty();
    }

    @Test
    void aChoiceIsFoundByItsValueAsStoredOrAsText() {
        List<SearchedParameter> listed = SearchedParameter.of(SPACE);
        SearchedParameter kernel = SearchedParameter.named(listed, "convBlocks[1].kernelSize").orElseThrow();
        SearchedParameter optimizer = SearchedParameter.named(listed, "training.optimizer").orElseThrow();
        assertThat(List.of(kernel.choiceIndex(5), kernel.choiceIndex(5.0), kernel.choiceIndex("5"),
                kernel.choiceIndex(3), kernel.choiceIndex(7), kernel.choiceIndex("five"))).containsExactly(1, 1, 1, 0,
                -1, -1);
        assertThat(List.of(optimizer.choiceIndex("SGD"), optimizer.choiceIndex("ADAMW"), optimizer.choiceIndex(null)))
                .containsExactly(1, -1, -1);
        assertThat(SearchedParameter.named(listed, "training.learningRate").orElseThrow().choiceIndex(0.01))
                .as("not categorical").isEqualTo(-1);
    }
}
