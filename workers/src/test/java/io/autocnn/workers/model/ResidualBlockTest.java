package io.autocnn.workers.model;

import io.autocnn.space.spec.Activation;
import io.autocnn.space.spec.BlockKind;
import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.InvalidSpecException;
import io.autocnn.space.spec.NetworkCost;
import io.autocnn.space.spec.Normalization;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.Pooling;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.data.ImageShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Residual blocks: two convolutions and a shortcut joined by a sum, as a DL4J graph. */
class ResidualBlockTest {

    private static final ImageShape SMALL = new ImageShape(1, 12, 12);
    private static final TrainingSettings TRAINING = new TrainingSettings(8, 1, 0.01, Optimizer.ADAM, 0, 5);

    private static ConvBlock residual(int filters, int stride, Normalization normalization) {
        return new ConvBlock(filters, 3, stride, PaddingMode.SAME, Activation.RELU, Pooling.none(), normalization,
                0.0, BlockKind.RESIDUAL);
    }

    /** A plain first block of 4 filters, then the block under test. */
    private static TrialSpec afterAPlainBlock(ConvBlock block) {
        return new TrialSpec(List.of(ConvBlock.of(4, 3, PaddingMode.SAME), block), List.of(), TRAINING);
    }

    private static List<String> layerKinds(ComputationGraphConfiguration configuration) {
        return ConfiguredLayers.of(configuration).stream().map(layer -> layer instanceof ConvolutionLayer conv
                ? "conv" + conv.getKernelSize()[0] : layer.getClass().getSimpleName()).toList();
    }

    private static long sums(ComputationGraphConfiguration configuration) {
        return configuration.getVertices().values().stream().filter(ElementWiseVertex.class::isInstance).count();
    }

    @Test
    void withTheInputsChannelsAndSizeTheShortcutIsTheInputItself() {
        ComputationGraphConfiguration configuration = CnnBuilder.configuration(
                afterAPlainBlock(residual(4, 1, Normalization.NONE)), SMALL, 3);
        assertThat(layerKinds(configuration)).containsExactly("conv3", "conv3", "conv3", "ActivationLayer",
                "OutputLayer");
        assertThat(sums(configuration)).isEqualTo(1);
        // The sum reads the second convolution ("2") and the plain block's output ("0").
        assertThat(configuration.getVertexInputs().values()).contains(List.of("2", "0"));
    }

    @ParameterizedTest(name = "{0} filters, stride {1}, {2}")
    @CsvSource({"8, 1, NONE", "4, 2, NONE", "8, 2, BATCH"})
    void otherChannelsOrAStrideTakeAOneByOneProjectionAndCostWhatNetworkCostCounts(int filters, int stride,
                                                                                  Normalization normalization) {
        TrialSpec spec = afterAPlainBlock(residual(filters, stride, normalization));
        ComputationGraphConfiguration configuration = CnnBuilder.configuration(spec, SMALL, 3);
        assertThat(layerKinds(configuration)).contains("conv1");
        assertThat(sums(configuration)).isEqualTo(1);
        ComputationGraph network = new ComputationGraph(configuration);
        network.init();
        long counted = NetworkCost.of(spec, 1, 12, 12, 3).parameters();
        assertThat(network.numParams()).isEqualTo(counted).isEqualTo(CnnBuilder.parameterCount(configuration));
        int size = (12 + stride - 1) / stride;
        INDArray out = network.feedForward(Nd4j.rand(DataType.FLOAT, 2, 1, 12, 12), false)
                .get(lastConvolutionalVertex(configuration));
        assertThat(out.shape()).containsExactly(2, filters, size, size);
    }

    /** The block's activation after the sum: the vertex that reads the sum. */
    private static String lastConvolutionalVertex(ComputationGraphConfiguration configuration) {
        String sum = configuration.getVertices().entrySet().stream()
                .filter(e -> e.getValue() instanceof ElementWiseVertex).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
        return configuration.getVertexInputs().entrySet().stream()
                .filter(e -> e.getValue().equals(List.of(sum))).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @Test
    void withItsSecondConvolutionSilencedTheBlockPassesItsInputThroughTheActivation() {
        ComputationGraphConfiguration configuration = CnnBuilder.configuration(
                afterAPlainBlock(residual(4, 1, Normalization.NONE)), SMALL, 3);
        ComputationGraph network = new ComputationGraph(configuration);
        network.init();
        network.getLayer("2").params().assign(0);
        INDArray images = Nd4j.rand(DataType.FLOAT, 2, 1, 12, 12);
        Map<String, INDArray> activations = network.feedForward(images, false);

        INDArray blockInput = activations.get("0");
        INDArray blockOutput = activations.get(lastConvolutionalVertex(configuration));
        assertThat(blockInput.sumNumber().doubleValue()).isGreaterThan(0);
        assertThat(blockOutput.sub(Transforms.relu(blockInput, true)).amaxNumber().doubleValue()).isLessThan(1e-6);
    }

    @Test
    void aResidualFirstBlockTrainsAndLowersItsLossOnAFixedBatch() {
        TrialSpec spec = new TrialSpec(List.of(residual(6, 1, Normalization.BATCH).withPooling(Pooling.max(2))),
                List.of(), TRAINING);
        ComputationGraph network = CnnBuilder.network(spec, SMALL, 3);
        // Its shortcut reads the images too, so its first convolution computes the input gradient DL4J sums.
        assertThat(network.getLayer(0)).isNotInstanceOf(InputConvolutionLayer.class);
        Nd4j.getRandom().setSeed(1);
        INDArray features = Nd4j.rand(DataType.FLOAT, 8, 1, 12, 12);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 8, 3);
        for (int i = 0; i < 8; i++) {
            labels.putScalar(i, i % 3, 1);
        }
        DataSet batch = new DataSet(features, labels);
        network.fit(batch);
        double first = network.score();
        for (int step = 0; step < 30; step++) {
            network.fit(batch);
        }
        assertThat(network.score()).isFinite().isLessThan(first * 0.8);
    }

    @Test
    void aResidualBlockWithValidPaddingIsRefusedWithItsPath() {
        ConvBlock valid = new ConvBlock(4, 3, 1, PaddingMode.VALID, Activation.RELU, Pooling.none(),
                Normalization.NONE, 0.0, BlockKind.RESIDUAL);
        assertThatThrownBy(() -> CnnBuilder.configuration(afterAPlainBlock(valid), SMALL, 3))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("$.convBlocks[1].padding")
                .hasMessageContaining("RESIDUAL block needs SAME padding");
    }

    @Test
    void vertexNamesArePositionsSoEveryLayerIsAVertexOfTheGraph() {
        ComputationGraphConfiguration configuration = CnnBuilder.configuration(
                afterAPlainBlock(residual(8, 2, Normalization.BATCH)), SMALL, 3);
        long layerVertices = configuration.getVertices().values().stream().filter(LayerVertex.class::isInstance)
                .count();
        assertThat(CnnBuilder.layerCount(configuration)).isEqualTo(layerVertices)
                .isEqualTo(ConfiguredLayers.of(configuration).size());
        for (GraphVertex vertex : configuration.getVertices().values()) {
            assertThat(vertex).isNotNull();
        }
    }
}
