package io.autocnn.space.spec;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrialSpecJsonTest {

    private static TrialSpec sample() {
        return new TrialSpec(
                List.of(new ConvBlock(8, 5, 1, PaddingMode.SAME, Activation.RELU, Pooling.max(2)),
                        new ConvBlock(16, 3, 2, PaddingMode.VALID, Activation.TANH, Pooling.none())),
                List.of(new DenseLayerSpec(64, 0.25, Activation.ELU)),
                new TrainingSettings(32, 1.5, 3e-4, Optimizer.NESTEROVS, 1e-5, 42));
    }

    @Test
    void roundTripsThroughJson() {
        TrialSpec spec = sample();
        String json = TrialSpecJson.write(spec);
        assertThat(TrialSpecJson.read(json, "test")).isEqualTo(spec);
        assertThat(json).contains("\"kernelSize\" : 5", "\"optimizer\" : \"NESTEROVS\"");
    }

    @Test
    void theNewerFieldsRoundTripAndJsonWrittenBeforeThemStillReads() {
        TrialSpec modern = new TrialSpec(List.of(new ConvBlock(8, 3, 1, PaddingMode.SAME, Activation.RELU,
                Pooling.max(2), Normalization.BATCH, 0.1, BlockKind.RESIDUAL)), List.of(),
                new TrainingSettings(32, 4, 1e-3, Optimizer.ADAM, 0, 7, LearningRateSchedule.COSINE, 1, 0.1),
                HeadPooling.GLOBAL_AVERAGE);
        assertThat(TrialSpecJson.read(TrialSpecJson.write(modern), "modern")).isEqualTo(modern);

        // As stored by earlier versions: none of the fields added since.
        String older = """
                {"convBlocks": [{"filters": 8, "kernelSize": 3, "stride": 1, "padding": "SAME",
                                 "activation": "RELU", "pooling": {"type": "MAX", "size": 2, "stride": 2}}],
                 "denseLayers": [],
                 "training": {"batchSize": 32, "epochs": 4, "learningRate": 0.001, "optimizer": "ADAM",
                              "weightDecay": 0.0, "seed": 7}}
                """;
        TrialSpec read = TrialSpecJson.read(older, "older");
        assertThat(read).isEqualTo(new TrialSpec(List.of(new ConvBlock(8, 3, 1, PaddingMode.SAME, Activation.RELU,
                Pooling.max(2))), List.of(), new TrainingSettings(32, 4, 1e-3, Optimizer.ADAM, 0, 7)));
        assertThat(read.headPooling()).isEqualTo(HeadPooling.FLATTEN);
        assertThat(read.training().schedule()).isEqualTo(LearningRateSchedule.CONSTANT);
        assertThat(read.convBlocks().get(0).kind()).isEqualTo(BlockKind.PLAIN);
    }

    @Test
    void theNewerFieldsAreValidated() {
        TrialSpec spec = new TrialSpec(List.of(new ConvBlock(8, 3, 1, PaddingMode.SAME, Activation.RELU,
                Pooling.none(), Normalization.BATCH, 0.95)), List.of(),
                new TrainingSettings(32, 4, 1e-3, Optimizer.ADAM, 0, 7, LearningRateSchedule.ONE_CYCLE, 4, 0.6));
        assertThat(TrialSpecValidator.violations(spec)).extracting(SpecViolation::path).containsExactlyInAnyOrder(
                "$.convBlocks[0].spatialDropout", "$.training.labelSmoothing", "$.training.warmupEpochs",
                "$.training.warmupEpochs");
        TrialSpec fine = spec.withTraining(spec.training().withSchedule(LearningRateSchedule.COSINE, 1)
                .withLabelSmoothing(0.1));
        assertThat(TrialSpecValidator.violations(fine)).extracting(SpecViolation::path)
                .containsExactly("$.convBlocks[0].spatialDropout");
    }

    @Test
    void theSummaryNamesTheNewerParts() {
        TrialSpec spec = new TrialSpec(List.of(new ConvBlock(8, 3, 1, PaddingMode.SAME, Activation.RELU,
                Pooling.max(2), Normalization.BATCH, 0.1)), List.of(DenseLayerSpec.of(64)),
                new TrainingSettings(32, 4, 1e-3, Optimizer.ADAM, 0, 7), HeadPooling.GLOBAL_AVERAGE);
        assertThat(spec.summary()).isEqualTo("conv3x3·8 bn → pool → spatial dropout 0.10 → global avg → dense 64");
        TrialSpec residual = new TrialSpec(List.of(spec.convBlocks().get(0).withKind(BlockKind.RESIDUAL)),
                List.of(), spec.training());
        assertThat(residual.summary()).startsWith("res3x3·8 bn → pool");
    }

    @Test
    void aResidualBlockNeedsSamePadding() {
        ConvBlock valid = new ConvBlock(8, 3, 1, PaddingMode.VALID, Activation.RELU, Pooling.none(),
                Normalization.NONE, 0, BlockKind.RESIDUAL);
        TrialSpec spec = new TrialSpec(List.of(ConvBlock.of(4, 3, PaddingMode.SAME), valid), List.of(),
                new TrainingSettings(32, 4, 1e-3, Optimizer.ADAM, 0, 7));
        assertThat(TrialSpecValidator.violations(spec)).extracting(SpecViolation::path)
                .containsExactly("$.convBlocks[1].padding");
        assertThat(TrialSpecValidator.violations(new TrialSpec(List.of(valid.withKind(BlockKind.PLAIN)), List.of(),
                spec.training()))).isEmpty();
    }

    @Test
    void unknownFieldIsRejectedWithItsPath() {
        String json = TrialSpecJson.write(sample()).replace("\"units\"", "\"unitz\" : 3, \"units\"");
        assertThatThrownBy(() -> TrialSpecJson.read(json, "spec.json"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("$.denseLayers[0].unitz")
                .hasMessageContaining("spec.json (line ");
    }

    @Test
    void missingFieldIsRejectedWithItsPath() {
        String json = TrialSpecJson.write(sample()).replace("\"units\" : 64,", "");
        assertThatThrownBy(() -> TrialSpecJson.read(json, "spec.json"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("$.denseLayers[0].units")
                .hasMessageContaining("Missing");
    }

    @Test
    void wrongTypeIsRejectedWithItsPath() {
        String json = TrialSpecJson.write(sample()).replace("\"filters\" : 16", "\"filters\" : \"many\"");
        assertThatThrownBy(() -> TrialSpecJson.read(json, "spec.json"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("$.convBlocks[1].filters");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> TrialSpecJson.read("{\n  \"convBlocks\": [,]\n}", "broken.json"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("broken.json (line 2, column");
    }

    @Test
    void everyValueViolationIsReportedAtOnce() {
        TrialSpec bad = new TrialSpec(
                List.of(new ConvBlock(0, 4, 1, PaddingMode.SAME, Activation.RELU, Pooling.none())),
                List.of(new DenseLayerSpec(10, 1.0, Activation.RELU)),
                new TrainingSettings(0, -1, 0, Optimizer.ADAM, 0, 1));
        List<SpecViolation> violations = TrialSpecValidator.violations(bad);
        assertThat(violations).extracting(SpecViolation::path).containsExactlyInAnyOrder(
                "$.convBlocks[0].filters", "$.convBlocks[0].kernelSize", "$.denseLayers[0].dropout",
                "$.training.batchSize", "$.training.epochs", "$.training.learningRate");
    }

    @Test
    void summaryReadsLikeAnArchitecture() {
        assertThat(sample().summary()).isEqualTo("conv5x5·8 → pool → conv3x3·16 → dense 64 (dropout 0.25)");
    }
}
