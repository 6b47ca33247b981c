package io.autocnn.workers.model;

import io.autocnn.workers.data.ImageShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeNet5Test {

    private static final ImageShape FASHION = new ImageShape(1, 28, 28);

    @Test
    void hasTheLecturesKernelCount() {
        ComputationGraphConfiguration conf = CnnBuilder.configuration(LeNet5.spec(), FASHION, 10);
        long kernels = 0;
        for (Layer layer : ConfiguredLayers.of(conf)) {
            if (layer instanceof ConvolutionLayer conv) {
                kernels += conv.getNIn() * conv.getNOut();
            }
        }
        // 1x6 + 6x16 + 16x120 = 6 + 96 + 1,920
        assertThat(kernels).isEqualTo(2_022);
    }

    @Test
    void hasTheHandDerivedParameterCount() {
        ComputationGraph network = CnnBuilder.network(LeNet5.spec(), FASHION, 10);
        long conv1 = 6 * (5 * 5 * 1) + 6;         // 156
        long conv2 = 16 * (5 * 5 * 6) + 16;       // 2,416
        long conv3 = 120 * (5 * 5 * 16) + 120;    // 48,120
        long dense = 120 * 84 + 84;               // 10,164
        long output = 84 * 10 + 10;               // 850
        assertThat(network.numParams()).isEqualTo(conv1 + conv2 + conv3 + dense + output).isEqualTo(61_706);
        assertThat(CnnBuilder.parameterCount(CnnBuilder.configuration(LeNet5.spec(), FASHION, 10))).isEqualTo(61_706);
    }

    @Test
    void thirdConvolutionSeesFiveByFiveAndYieldsOneByOne() {
        ComputationGraph network = CnnBuilder.network(LeNet5.spec(), FASHION, 10);
        var activations = network.feedForward(org.nd4j.linalg.factory.Nd4j.rand(
                org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 1, 28, 28), false);
        // Layers, named by position: conv, pool, conv, pool, conv, dense, output.
        assertThat(activations.get("0").shape()).containsExactly(2, 6, 28, 28);
        assertThat(activations.get("3").shape()).containsExactly(2, 16, 5, 5);
        assertThat(activations.get("4").shape()).containsExactly(2, 120, 1, 1);
        assertThat(activations.get("6").shape()).containsExactly(2, 10);
    }
}
