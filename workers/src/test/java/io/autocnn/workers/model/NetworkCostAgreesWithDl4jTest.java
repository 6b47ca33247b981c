package io.autocnn.workers.model;

import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.spec.FeatureMapShapes;
import io.autocnn.space.spec.NetworkCost;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.data.ImageShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Constraints are checked with {@link NetworkCost}, before DL4J builds anything: its count must be DL4J's. */
class NetworkCostAgreesWithDl4jTest {

    @ParameterizedTest(name = "{0} on {1}x{2}x{3}")
    @CsvSource({"modern-space.yaml, 1, 28, 28", "cifar10-space.yaml, 3, 32, 32", "lenet-space.yaml, 1, 28, 28",
            "wide-space.yaml, 1, 28, 28"})
    void parameterCountsOfSampledNetworksAreDl4jsOwn(String file, int channels, int height, int width) {
        SearchSpace space = SpaceFile.read(Path.of("..", "examples", file));
        Sampler random = Samplers.create("random", space, 5);
        int compared = 0;
        for (int i = 0; i < 60; i++) {
            TrialSpec spec = random.propose(i, List.of()).orElseThrow().spec();
            if (!FeatureMapShapes.violations(spec, height, width).isEmpty()) {
                continue;
            }
            long dl4j = CnnBuilder.parameterCount(CnnBuilder.configuration(spec,
                    new ImageShape(channels, height, width), 10, 1));
            assertThat(NetworkCost.of(spec, channels, height, width, 10).parameters()).as(spec.summary())
                    .isEqualTo(dl4j);
            compared++;
        }
        assertThat(compared).isGreaterThan(30);
    }
}
