package io.autocnn.space.sampler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplersTest {

    @Test
    void everyNameBuildsThatSampler() {
        for (String name : Samplers.NAMES) {
            Sampler sampler = Samplers.create(name, SamplerContractTest.DISCRETE, 1);
            assertThat(sampler.name()).isEqualTo(name);
            assertThat(sampler.saveState().get("sampler").asText()).isEqualTo(name);
        }
        assertThat(Samplers.create("tpe", LenetObjective.SPACE, 1)).isInstanceOf(TpeSampler.class);
        assertThat(Samplers.create("evolutionary", LenetObjective.SPACE, 1)).isInstanceOf(EvolutionarySampler.class);
    }

    @Test
    void unknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> Samplers.create("bayes", LenetObjective.SPACE, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown sampler 'bayes': valid names are random, grid, evolutionary, tpe");
    }

    @Test
    void stateCarriesSeedAndSettingsAndInvalidSettingsAreRefused() {
        Sampler tpe = new TpeSampler(LenetObjective.SPACE, 77, new TpeSettings(5, 12, 0.2, 10, 3, 2.0));
        JsonNode state = tpe.saveState();
        assertThat(state.get("seed").asLong()).isEqualTo(77);
        assertThat(state.get("space").asText()).isEqualTo("lenet-neighbourhood");
        assertThat(state.at("/settings/candidates").asInt()).isEqualTo(12);

        TpeSampler restored = new TpeSampler(LenetObjective.SPACE, 1);
        restored.restoreState(state);
        assertThat(restored.seed()).isEqualTo(77);
        assertThat(restored.settings()).isEqualTo(new TpeSettings(5, 12, 0.2, 10, 3, 2.0));

        ((ObjectNode) state.get("settings")).put("gamma", 1.5);
        assertThatThrownBy(() -> restored.restoreState(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gamma must be in (0, 1), found 1.5");
        ((ObjectNode) state).put("space", "wide");
        assertThatThrownBy(() -> restored.restoreState(state)).hasMessageContaining("saved for space 'wide'");
    }
}
