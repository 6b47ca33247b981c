package io.autocnn.workers.model;

import io.autocnn.workers.data.ImageShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CifarGrayCnnTest {

    @Test
    void hasFourConvolutionsTwoPoolingsAndDense472AtBatch200() {
        ComputationGraphConfiguration conf = CnnBuilder.configuration(CifarGrayCnn.spec(), new ImageShape(1, 32, 32), 10);
        long convolutions = ConfiguredLayers.of(conf).stream().filter(c -> c instanceof ConvolutionLayer).count();
        long poolings = ConfiguredLayers.of(conf).stream().filter(c -> c instanceof SubsamplingLayer).count();
        assertThat(convolutions).isEqualTo(4);
        assertThat(poolings).isEqualTo(2);
        assertThat(ConfiguredLayers.of(conf).stream().filter(DenseLayer.class::isInstance)
                .map(l -> ((DenseLayer) l).getNOut())).containsExactly(472L);
        assertThat(CifarGrayCnn.spec().training().batchSize()).isEqualTo(200);
        // Two 2x2 poolings take 32x32 to 8x8: the dense layer sees 8*8*64 = 4,096 inputs.
        long conv = (9 * 1 * 32 + 32) + (9 * 32 * 32 + 32) + (9 * 32 * 64 + 64) + (9 * 64 * 64 + 64);
        long dense = 4_096 * 472 + 472;
        long output = 472 * 10 + 10;
        assertThat(CnnBuilder.parameterCount(conf)).isEqualTo(conv + dense + output);
    }
}
