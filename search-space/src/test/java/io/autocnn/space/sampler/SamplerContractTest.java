package io.autocnn.space.sampler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every sampler promises: determinism from (seed, index, history), and a state that continues the search. */
class SamplerContractTest {

    private static final int TRIALS = 30;

    /** The grid needs a discrete space; the others search the real LeNet space. */
    static final SearchSpace DISCRETE = SpaceFile.parse("""
            name: discrete-lenet
            convBlocks:
              depth: {min: 2, max: 3}
              filters: {choices: [8, 16, 32]}
              kernelSize: {choices: [3, 5]}
            denseLayers:
              depth: 1
              units: {choices: [64, 128]}
            training:
              learningRate: {choices: [0.001, 0.002, 0.005]}
              optimizer: {choices: [ADAM, NESTEROVS]}
            """, "discrete-lenet.yaml", true);

    private static SearchSpace space(String sampler) {
        return sampler.equals(GridSampler.NAME) ? DISCRETE : LenetObjective.SPACE;
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "grid", "evolutionary", "tpe"})
    void sameSeedAndHistoryGiveTheSameCandidates(String name) {
        List<Candidate> first = LenetObjective.run(Samplers.create(name, space(name), 42), TRIALS);
        List<Candidate> second = LenetObjective.run(Samplers.create(name, space(name), 42), TRIALS);
        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(c -> c.spec().training().seed()).doesNotHaveDuplicates()
                .contains(TrialSeeds.of(42, 0), TrialSeeds.of(42, TRIALS - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "grid", "evolutionary", "tpe"})
    void anotherSeedGivesOtherCandidates(String name) {
        List<Candidate> first = LenetObjective.run(Samplers.create(name, space(name), 42), TRIALS);
        List<Candidate> other = LenetObjective.run(Samplers.create(name, space(name), 43), TRIALS);
        assertThat(other).extracting(Candidate::spec).doesNotContainAnyElementsOf(
                first.stream().map(Candidate::spec).toList());
        if (name.equals(GridSampler.NAME)) {
            // The grid's order is fixed: the seed only changes the training seeds.
            assertThat(other).extracting(Candidate::parameters)
                    .isEqualTo(first.stream().map(Candidate::parameters).toList());
        } else {
            assertThat(other.subList(TRIALS - 10, TRIALS)).extracting(Candidate::parameters)
                    .doesNotContainAnyElementsOf(first.stream().map(Candidate::parameters).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "grid", "evolutionary", "tpe"})
    void historyOrderDoesNotMatter(String name) {
        List<Candidate> earlier = LenetObjective.run(Samplers.create(name, space(name), 5), TRIALS);
        List<Observation> history = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            history.add(new Observation(i, earlier.get(i).parameters(), LenetObjective.value(earlier.get(i))));
        }
        List<Observation> shuffled = new ArrayList<>(history);
        Collections.shuffle(shuffled, new Random(1));
        Sampler sampler = Samplers.create(name, space(name), 5);
        assertThat(sampler.propose(TRIALS, shuffled)).isEqualTo(sampler.propose(TRIALS, history));
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "grid", "evolutionary", "tpe"})
    void restoredSamplerContinuesWithTheSameProposals(String name) throws Exception {
        Sampler original = Samplers.create(name, space(name), 7);
        List<Candidate> all = LenetObjective.run(original, TRIALS);
        List<Observation> history = new ArrayList<>();
        for (int i = 0; i < TRIALS / 2; i++) {
            history.add(new Observation(i, all.get(i).parameters(), LenetObjective.value(all.get(i))));
        }
        // Through text, as a coordinator would store it; restored into a sampler built with another seed.
        ObjectMapper json = new ObjectMapper();
        JsonNode state = json.readTree(json.writeValueAsString(original.saveState()));
        assertThat(state.get("sampler").asText()).isEqualTo(name);
        Sampler restored = Samplers.create(state.get("sampler").asText(), space(name), 999);
        restored.restoreState(state);
        for (int i = TRIALS / 2; i < TRIALS; i++) {
            Candidate next = restored.propose(i, history).orElseThrow();
            assertThat(next).as("trial %d", i).isEqualTo(all.get(i));
            history.add(new Observation(i, next.parameters(), LenetObjective.value(next)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "grid", "evolutionary", "tpe"})
    void stateOfAnotherSamplerIsRefused(String name) {
        String other = name.equals(TpeSampler.NAME) ? RandomSampler.NAME : TpeSampler.NAME;
        JsonNode state = Samplers.create(other, space(other), 1).saveState();
        Sampler sampler = Samplers.create(name, space(name), 1);
        JsonNode before = sampler.saveState();
        assertThatThrownBy(() -> sampler.restoreState(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + other + "'").hasMessageContaining("'" + name + "'");
        assertThat(sampler.saveState()).isEqualTo(before);
    }
}
