package io.autocnn.space.sampler;

import io.autocnn.space.definition.Candidate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvolutionarySamplerTest {

    @Test
    void firstPopulationIsRandomThenChildrenAreMutationsOfTheBest() {
        EvolutionSettings settings = EvolutionSettings.defaults();
        List<Candidate> evolved = LenetObjective.run(new EvolutionarySampler(LenetObjective.SPACE, 9), 40);
        List<Candidate> random = LenetObjective.run(new RandomSampler(LenetObjective.SPACE, 9), 40);
        assertThat(evolved.subList(0, settings.population())).isEqualTo(random.subList(0, settings.population()))
                .allSatisfy(candidate -> assertThat(candidate.parent()).isEmpty());

        for (int i = settings.population(); i < evolved.size(); i++) {
            List<Observation> history = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                history.add(new Observation(j, evolved.get(j).parameters(), LenetObjective.value(evolved.get(j))));
            }
            Map<String, Object> child = evolved.get(i).parameters();
            List<Map<String, Object>> parents = AbstractSampler.bestFirst(history).subList(0, settings.population())
                    .stream().map(Observation::parameters).toList();
            // Some member of the population differs from the child, but in few keys: the child is its mutation.
            assertThat(parents).as("trial %d", i).anySatisfy(parent -> {
                long changed = child.keySet().stream().filter(k -> !child.get(k).equals(parent.get(k))).count();
                assertThat(changed).isBetween(1L, (long) child.size() / 2);
            });
            // It names that parent, a trial of the population, so it can start from the parent's weights.
            int parent = evolved.get(i).parent().orElseThrow();
            assertThat(AbstractSampler.bestFirst(history).subList(0, settings.population()))
                    .extracting(Observation::trialIndex).contains(parent);
            Map<String, Object> named = evolved.get(parent).parameters();
            assertThat(child.keySet().stream().filter(k -> !child.get(k).equals(named.get(k))).count())
                    .isBetween(1L, (long) child.size() / 2);
        }
    }

    @Test
    void mutatedIntegersMoveAndStayInRange() {
        // A population of one: every child is a mutation of the same parent, one key always changes.
        EvolutionarySampler sampler = new EvolutionarySampler(SamplerContractTest.DISCRETE, 4,
                new EvolutionSettings(1, 1, 0.0, 0.01));
        Candidate parent = sampler.propose(0, List.of()).orElseThrow();
        List<Observation> history = List.of(new Observation(0, parent.parameters(), 1.0));
        for (int i = 1; i < 50; i++) {
            Map<String, Object> child = sampler.propose(i, history).orElseThrow().parameters();
            long changed = parent.parameters().keySet().stream()
                    .filter(k -> !parent.parameters().get(k).equals(child.get(k))).count();
            assertThat(changed).as("trial %d: %s from %s", i, child, parent.parameters()).isGreaterThanOrEqualTo(1);
            assertThat((Integer) child.get("convBlocks.depth")).isBetween(2, 3);
        }
    }
}
