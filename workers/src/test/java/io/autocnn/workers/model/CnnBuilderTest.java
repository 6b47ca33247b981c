package io.autocnn.workers.model;

import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.InvalidSpecException;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.Pooling;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.Activation;
import io.autocnn.workers.data.ImageShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CnnBuilderTest {

    private static final ImageShape MNIST = new ImageShape(1, 28, 28);

    private static TrialSpec withBlocks(List<ConvBlock> blocks) {
        return new TrialSpec(blocks, List.of(DenseLayerSpec.of(32)), LeNet5.spec().training());
    }

    @Test
    void featureMapShrinkingBelowOnePixelNamesTheLayer() {
        ConvBlock valid5Pooled = ConvBlock.of(8, 5, PaddingMode.VALID).withPooling(Pooling.max(2));
        // 28 -> 24 -> 12 -> 8 -> 4 -> 0: the third convolution cannot fit its 5x5 kernel into 4x4.
        TrialSpec spec = withBlocks(List.of(valid5Pooled, valid5Pooled, valid5Pooled));
        assertThatThrownBy(() -> CnnBuilder.configuration(spec, MNIST, 10))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("$.convBlocks[2]")
                .hasMessageContaining("convolution 3 (5x5, no padding) receives a 4x4 feature map");
    }

    @Test
    void poolingThatDoesNotFitNamesThePooling() {
        ConvBlock samePooled = ConvBlock.of(8, 3, PaddingMode.SAME).withPooling(Pooling.max(4));
        // 28 -> 7 -> 1 -> cannot pool 4x4 on 1x1.
        TrialSpec spec = withBlocks(List.of(samePooled, samePooled, samePooled));
        assertThatThrownBy(() -> CnnBuilder.configuration(spec, MNIST, 10))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("$.convBlocks[2].pooling");
    }

    @Test
    void zeroFiltersAndBadKernelAreAllReported() {
        TrialSpec spec = withBlocks(List.of(ConvBlock.of(0, 3, PaddingMode.SAME), ConvBlock.of(4, 7, PaddingMode.SAME)));
        InvalidSpecException error = (InvalidSpecException) org.assertj.core.api.Assertions.catchThrowable(
                () -> CnnBuilder.configuration(spec, MNIST, 10));
        assertThat(error.violations()).extracting(SpecViolation::path)
                .containsExactly("$.convBlocks[0].filters", "$.convBlocks[1].kernelSize");
    }

    @Test
    void denseDropoutIsAppliedToTheLayerOutput() {
        TrialSpec spec = new TrialSpec(List.of(ConvBlock.of(4, 3, PaddingMode.SAME)),
                List.of(new DenseLayerSpec(16, 0.3, Activation.RELU)), LeNet5.spec().training());
        ComputationGraphConfiguration conf = CnnBuilder.configuration(spec, MNIST, 10);
        BaseLayer dense = (BaseLayer) ConfiguredLayers.of(conf).get(1);
        BaseLayer output = (BaseLayer) ConfiguredLayers.of(conf).get(2);
        assertThat(dense.getIDropout()).isNull();
        // DL4J stores the probability of keeping an activation.
        assertThat(output.getIDropout()).isNotNull();
        assertThat(output.getIDropout().toString()).contains("p=0.7");
    }

    @Test
    void networkWithoutConvolutionsIsAPlainMlp() {
        TrialSpec mlp = withBlocks(List.of());
        assertThat(CnnBuilder.network(mlp, MNIST, 10).numParams()).isEqualTo(784 * 32 + 32 + 32 * 10 + 10);
    }
}
