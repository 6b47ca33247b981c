package io.autocnn.workers.model;

import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.train.LayerHelpers;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class InputConvolutionLayerTest {

    @BeforeAll
    static void helpersAsTheTrainerUsesThem() {
        LayerHelpers.enableUnlessConfigured();
    }

    /** conv (the layer under test) -> max pool -> conv -> softmax output, on {@code channels} x 12 x 12 images. */
    private static ComputationGraph network(boolean inputConvolution, int channels, int kernel, int stride,
                                             ConvolutionMode mode) {
        ConvolutionLayer.Builder first = inputConvolution ? new InputConvolution.Builder(kernel, kernel)
                : new ConvolutionLayer.Builder(kernel, kernel);
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42).dataType(DataType.FLOAT).updater(new Adam(1e-2)).weightInit(WeightInit.RELU)
                .cacheMode(CacheMode.DEVICE)
                .graphBuilder()
                .addInputs("images")
                .addLayer("0", first.nIn(channels).nOut(5).stride(stride, stride).convolutionMode(mode)
                        .activation(Activation.RELU).build(), "images")
                .addLayer("1", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                        .stride(2, 2).convolutionMode(ConvolutionMode.Truncate).build(), "0")
                .addLayer("2", new ConvolutionLayer.Builder(2, 2).nOut(4).activation(Activation.RELU).build(), "1")
                .addLayer("3", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "2")
                .setOutputs("3")
                .setInputTypes(InputType.convolutional(12, 12, channels))
                .build();
        ComputationGraph network = new ComputationGraph(conf);
        network.init();
        return network;
    }

    private static DataSet batch(int channels, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray features = Nd4j.rand(DataType.FLOAT, 8, channels, 12, 12);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 8, 3);
        for (int i = 0; i < 8; i++) {
            labels.putScalar(i, i % 3, 1);
        }
        return new DataSet(features, labels);
    }

    private static INDArray gradient(ComputationGraph network, DataSet data) {
        network.setInputs(data.getFeatures());
        network.setLabels(data.getLabels());
        network.computeGradientAndScore();
        return network.gradient().gradient().dup();
    }

    @ParameterizedTest(name = "{0} channels, {1}x{1} kernel, stride {2}, {3}: own gradient {4}")
    @CsvSource({"1, 5, 1, Same, true", "3, 3, 1, Truncate, true", "1, 5, 1, Truncate, true",
            "3, 3, 2, Same, false", "2, 4, 1, Same, false", "2, 4, 2, Same, false"})
    void weightAndBiasGradientsAreThoseOfDl4jsConvolution(int channels, int kernel, int stride, String mode,
                                                           boolean skipsInputGradient) {
        ComputationGraph plain = network(false, channels, kernel, stride, ConvolutionMode.valueOf(mode));
        ComputationGraph input = network(true, channels, kernel, stride, ConvolutionMode.valueOf(mode));
        assertThat(input.getLayer(0)).isInstanceOf(InputConvolutionLayer.class);
        assertThat(((InputConvolutionLayer) input.getLayer(0)).skipsInputGradient()).isEqualTo(skipsInputGradient);
        assertThat(input.params()).isEqualTo(plain.params());
        DataSet data = batch(channels, 7);

        INDArray expected = gradient(plain, data);
        INDArray actual = gradient(input, data);

        assertThat(expected.norm2Number().doubleValue()).isGreaterThan(0);
        assertThat(actual.sub(expected).norm2Number().doubleValue())
                .isLessThan(1e-4 * expected.norm2Number().doubleValue());
        // The first layer's own share (weights and bias) is the part this layer computes.
        long firstLayerParams = input.getLayer(0).numParams();
        INDArray ownExpected = expected.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, firstLayerParams));
        INDArray ownActual = actual.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, firstLayerParams));
        assertThat(ownExpected.norm2Number().doubleValue()).isGreaterThan(0);
        assertThat(ownActual.sub(ownExpected).norm2Number().doubleValue())
                .isLessThan(1e-4 * ownExpected.norm2Number().doubleValue());
    }

    @Test
    void trainingStepsTakeTheSameParametersAsDl4jsConvolution() {
        ComputationGraph plain = network(false, 1, 5, 1, ConvolutionMode.Same);
        ComputationGraph input = network(true, 1, 5, 1, ConvolutionMode.Same);
        for (int step = 0; step < 5; step++) {
            DataSet data = batch(1, 100 + step);
            plain.fit(data);
            input.fit(data);
        }
        assertThat(input.params().sub(plain.params()).norm2Number().doubleValue())
                .isLessThan(1e-4 * plain.params().norm2Number().doubleValue());
    }

    @Test
    void aSavedNetworkLoadsWithItsInputConvolutionAndGivesTheSameOutputs() throws Exception {
        ComputationGraph network = CnnBuilder.network(LeNet5.spec(), new ImageShape(1, 28, 28), 10);
        assertThat(network.getLayer(0)).isInstanceOf(InputConvolutionLayer.class);
        assertThat(network.getLayer(2)).isNotInstanceOf(InputConvolutionLayer.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, true);

        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(
                new ByteArrayInputStream(bytes.toByteArray()), true);

        assertThat(loaded.getLayer(0)).isInstanceOf(InputConvolutionLayer.class);
        INDArray images = Nd4j.rand(DataType.FLOAT, 4, 1, 28, 28);
        assertThat(loaded.outputSingle(images)).isEqualTo(network.outputSingle(images));
    }
}
