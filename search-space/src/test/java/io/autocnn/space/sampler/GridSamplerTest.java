package io.autocnn.space.sampler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.PoolingType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridSamplerTest {

    /** One or two conv blocks, pool size searched only under max pooling, an integer range, and choices. */
    private static final SearchSpace SMALL = SpaceFile.parse("""
            name: small
            convBlocks:
              depth: {min: 1, max: 2}
              kernelSize: {choices: [3, 5]}
              pooling: {choices: [NONE, MAX]}
              poolSize: {choices: [2, 3], when: {pooling: MAX}}
            denseLayers:
              depth: 1
            training:
              batchSize: {min: 32, max: 34}
              optimizer: {choices: [ADAM, SGD]}
            """, "small.yaml", true);

    @Test
    void enumeratesEveryPointOfAConditionalVariableDepthSpaceExactlyOnce() {
        GridSampler grid = new GridSampler(SMALL, 3);
        List<Map<String, Object>> proposed = new ArrayList<>();
        for (int i = 0; ; i++) {
            Optional<Candidate> candidate = grid.propose(i, List.of());
            if (candidate.isEmpty()) {
                break;
            }
            proposed.add(candidate.get().parameters());
        }
        List<Map<String, Object>> expected = expectedPoints();
        assertThat(expected).hasSize(252); // (6 + 6 * 6) conv layouts x 3 batch sizes x 2 optimizers
        assertThat(grid.size()).isEqualTo(252);
        assertThat(proposed).hasSize(252).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(grid.propose(252, List.of())).isEmpty();
        assertThat(grid.propose(10_000, List.of())).isEmpty();
    }

    /** The grid of {@link #SMALL}, written out by hand. */
    private static List<Map<String, Object>> expectedPoints() {
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int kernel : new int[] {3, 5}) {
            layers.add(Map.of("kernelSize", kernel, "pooling", PoolingType.NONE));
            for (int poolSize : new int[] {2, 3}) {
                layers.add(Map.of("kernelSize", kernel, "pooling", PoolingType.MAX, "poolSize", poolSize));
            }
        }
        List<List<Map<String, Object>>> stacks = new ArrayList<>();
        layers.forEach(a -> stacks.add(List.of(a)));
        layers.forEach(a -> layers.forEach(b -> stacks.add(List.of(a, b))));
        List<Map<String, Object>> points = new ArrayList<>();
        for (List<Map<String, Object>> stack : stacks) {
            for (int batch = 32; batch <= 34; batch++) {
                for (Optimizer optimizer : List.of(Optimizer.ADAM, Optimizer.SGD)) {
                    Map<String, Object> point = new HashMap<>();
                    point.put("convBlocks.depth", stack.size());
                    for (int i = 0; i < stack.size(); i++) {
                        int layer = i;
                        stack.get(i).forEach((k, v) -> point.put("convBlocks[" + layer + "]." + k, v));
                    }
                    point.put("training.batchSize", batch);
                    point.put("training.optimizer", optimizer);
                    points.add(new LinkedHashMap<>(point));
                }
            }
        }
        return points;
    }

    @Test
    void candidatesMatchTheirParametersAndOrderIsFixed() {
        GridSampler grid = new GridSampler(SMALL, 3);
        Candidate first = grid.propose(0, List.of()).orElseThrow();
        assertThat(first.parameters()).containsExactly(Map.entry("convBlocks.depth", 1),
                Map.entry("convBlocks[0].kernelSize", 3), Map.entry("convBlocks[0].pooling", PoolingType.NONE),
                Map.entry("training.batchSize", 32), Map.entry("training.optimizer", Optimizer.ADAM));
        Candidate later = grid.propose(200, List.of()).orElseThrow();
        assertThat(later.spec().convBlocks()).hasSize((Integer) later.parameters().get("convBlocks.depth"));
        assertThat(later.spec().training().seed()).isEqualTo(TrialSeeds.of(3, 200));
        // Going back (a restart) gives the same point as walking forward did.
        assertThat(grid.propose(5, List.of())).isEqualTo(new GridSampler(SMALL, 3).propose(5, List.of()));
        assertThat(grid.propose(200, List.of())).contains(later);
    }

    @Test
    void continuousRangesAreRefusedByName() {
        SearchSpace oneRange = SpaceFile.parse("""
                convBlocks: {depth: 1}
                training:
                  learningRate: {min: 0.0001, max: 0.01, log: true}
                """, "lr.yaml", true);
        assertThatThrownBy(() -> new GridSampler(oneRange, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("training.learningRate is a continuous range; grid search needs choices");
        assertThatThrownBy(() -> Samplers.create("grid", LenetObjective.SPACE, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(
                        "denseLayers.dropout, training.learningRate, training.weightDecay are continuous ranges");
    }

    @Test
    void gridLargerThanTheLimitIsRefusedWithItsSize() {
        SearchSpace large = SpaceFile.parse("""
                name: large
                convBlocks:
                  depth: {min: 1, max: 3}
                  filters: {min: 1, max: 100}
                """, "large.yaml", true);
        assertThatThrownBy(() -> new GridSampler(large, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'large' would have 1,010,100 points, more than the limit of 100,000");
        assertThat(new GridSampler(large, 1, new GridSettings(2_000_000)).size()).isEqualTo(1_010_100);
        assertThatThrownBy(() -> new GridSampler(large, 1, new GridSettings(50)))
                .hasMessageContaining("would have more than the limit of 50 points");
    }

    @Test
    void restoringALimitTooSmallForTheSpaceIsRefusedAndKeepsTheOldState() {
        GridSampler grid = new GridSampler(SMALL, 3);
        ObjectNode state = (ObjectNode) grid.saveState();
        state.putObject("settings").put("limit", 10);
        assertThatThrownBy(() -> grid.restoreState(state)).hasMessageContaining("252 points");
        assertThat(grid.settings().limit()).isEqualTo(GridSettings.DEFAULT_LIMIT);
        assertThat(grid.propose(251, List.of())).isPresent();
    }
}
