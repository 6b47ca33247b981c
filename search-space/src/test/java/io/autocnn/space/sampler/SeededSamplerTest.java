package io.autocnn.space.sampler;

import io.autocnn.space.definition.Candidate;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.spec.Activation;
import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.Pooling;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeededSamplerTest {

    private static final SearchSpace SPACE = SpaceFile.parse("""
            convBlocks:
              depth: {min: 1, max: 3}
              filters: {min: 8, max: 64, log: true}
              kernelSize: {choices: [3, 5]}
              pooling: MAX
            denseLayers:
              depth: 1
              units: {min: 32, max: 256}
            training:
              learningRate: {min: 0.0001, max: 0.01, log: true}
              optimizer: {choices: [ADAM, NESTEROVS]}
            """, "seeded.yaml", true);

    /** Two blocks of 6 and 16 filters (6 is below the space's 8), dense 84, Adam at 0.001. */
    private static TrialSpec known() {
        return new TrialSpec(List.of(new ConvBlock(6, 5, 1, PaddingMode.SAME, Activation.RELU, Pooling.max(2)),
                new ConvBlock(16, 5, 1, PaddingMode.SAME, Activation.RELU, Pooling.max(2))),
                List.of(DenseLayerSpec.of(84)), new TrainingSettings(64, 1, 0.001, Optimizer.ADAM, 0, 9));
    }

    @Test
    void aKnownSpecificationBecomesACandidateWithTheParametersTheSpaceCanExpress() {
        Candidate candidate = SPACE.candidateOf(known());
        assertThat(candidate.spec()).isEqualTo(known());
        assertThat(candidate.parameters()).containsEntry("convBlocks.depth", 2)
                .containsEntry("convBlocks[0].kernelSize", 5).containsEntry("convBlocks[1].filters", 16)
                .containsEntry("denseLayers[0].units", 84).containsEntry("training.learningRate", 0.001)
                .containsEntry("training.optimizer", Optimizer.ADAM)
                // 6 filters lie outside 8..64: left for the sampler to ignore.
                .doesNotContainKey("convBlocks[0].filters");
    }

    @Test
    void theGivenTrialsComeFirstThenTheSamplersOwnWhichLearnFromThem() {
        Sampler plain = new TpeSampler(SPACE, 3);
        Sampler seeded = new SeededSampler(new TpeSampler(SPACE, 3), List.of(SPACE.candidateOf(known())));
        assertThat(seeded.propose(0, List.of())).contains(SPACE.candidateOf(known()));
        assertThat(seeded.name()).isEqualTo("tpe");
        // From trial 1 on it is TPE's proposal for the same index and history.
        assertThat(seeded.propose(1, List.of())).isEqualTo(plain.propose(1, List.of()));
    }
}
