package io.autocnn.workers.train;

import io.autocnn.space.spec.Activation;
import io.autocnn.space.spec.BlockKind;
import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.Normalization;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.Pooling;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.data.LabeledImages;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.model.LeNet5;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ModelInsightTest {

    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);
    private static final List<String> CLASSES = IntStream.range(0, 10).mapToObj(i -> "class " + i).toList();

    private static LabeledImages images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) random.nextInt(256);
        }
        return new LabeledImages(pixels, IntStream.range(0, count).map(i -> i % 10).toArray(), SHAPE, CLASSES);
    }

    private static final TrainingData DATA = TrainingData.of(images(20, 1), images(10, 2), images(30, 3));
    private static final ComputationGraph LENET = CnnBuilder.network(LeNet5.spec(), SHAPE, 10);

    @Test
    void theFirstKernelsAreTheFirstConvolutionsWeightsOneRowPerOutputChannel() {
        ModelInsight.Kernels kernels = ModelInsight.firstKernels(LENET).orElseThrow();
        INDArray weights = LENET.getLayer(kernels.layer()).getParam("W");
        assertThat(List.of(kernels.weights().length, kernels.inputChannels(), kernels.height(), kernels.width()))
                .containsExactly(6, 1, 5, 5);
        for (int o = 0; o < 6; o++) {
            for (int k = 0; k < 25; k++) {
                assertThat(kernels.weights()[o][k]).isEqualTo(weights.getFloat(o, 0, k / 5, k % 5));
            }
        }
    }

    @Test
    void featureMapsFollowTheImageThroughEachConvolutionAsTheKernelsComputeIt() {
        int index = 7;
        List<ModelInsight.FeatureMaps> layers = ModelInsight.featureMaps(LENET, DATA, index, 8);
        assertThat(layers).extracting(ModelInsight.FeatureMaps::channels).containsExactly(6, 16, 120);
        assertThat(layers).extracting(l -> l.height() + "x" + l.width()).containsExactly("28x28", "10x10", "1x1");
        assertThat(layers).extracting(l -> l.maps().length).containsExactly(6, 8, 8);

        // One value of the first layer by hand: ReLU of bias plus kernel times the padded 5x5 patch ("same").
        float[] image = ModelInsight.testImage(DATA, index);
        ModelInsight.Kernels kernels = ModelInsight.firstKernels(LENET).orElseThrow();
        int channel = 2;
        int y = 10;
        int x = 12;
        double sum = LENET.getLayer(kernels.layer()).getParam("b").getDouble(0, channel);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                sum += kernels.weights()[channel][i * 5 + j] * image[(y - 2 + i) * 28 + (x - 2 + j)];
            }
        }
        assertThat((double) layers.get(0).maps()[channel][y * 28 + x]).isCloseTo(Math.max(0, sum), within(1e-4));
        assertThat(image[0]).isEqualTo((DATA.test().features().getFloat(index, 0)));
        double[] probabilities = ModelInsight.probabilities(LENET, DATA, index);
        assertThat(Arrays.stream(probabilities).sum()).isCloseTo(1, within(1e-5));
    }

    @Test
    void theConfusionMatrixCountsEveryTestImageAndItsErrorIsTheTestError() {
        ConfusionMatrix matrix = ConfusionMatrix.onTestSet(LENET, DATA, RunnerOptions.defaults());
        assertThat(matrix.total()).isEqualTo(30);
        for (int k = 0; k < 10; k++) {
            assertThat(Arrays.stream(matrix.counts()[k]).sum()).as("class %d's row", k).isEqualTo(3);
        }
        assertThat(matrix.error()).isEqualTo(ErrorRate.onTestSet(LENET, DATA, RunnerOptions.defaults()));
        assertThat(matrix.classNames()).isEqualTo(CLASSES);
    }

    @Test
    void aResidualShortcutsProjectionIsNeitherAFeatureMapLayerNorTheFirstKernels() {
        // A residual first block of 6 filters reads one channel, so its shortcut is a 1x1 projection of the images.
        ConvBlock residual = new ConvBlock(6, 3, 1, PaddingMode.SAME, Activation.RELU, Pooling.none(),
                Normalization.NONE, 0.0, BlockKind.RESIDUAL);
        TrialSpec spec = new TrialSpec(List.of(residual, ConvBlock.of(8, 5, PaddingMode.SAME)), List.of(),
                new TrainingSettings(8, 1, 0.01, Optimizer.ADAM, 0, 5));
        ComputationGraph network = CnnBuilder.network(spec, SHAPE, 10);

        assertThat(ModelInsight.featureMaps(network, DATA, 0, 4)).extracting(ModelInsight.FeatureMaps::channels)
                .containsExactly(6, 6, 8);
        ModelInsight.Kernels kernels = ModelInsight.firstKernels(network).orElseThrow();
        assertThat(List.of(kernels.weights().length, kernels.inputChannels(), kernels.height(), kernels.width()))
                .containsExactly(6, 1, 3, 3);
    }
}
