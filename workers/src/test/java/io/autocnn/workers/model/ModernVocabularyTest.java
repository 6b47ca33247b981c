package io.autocnn.workers.model;

import io.autocnn.space.spec.Activation;
import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.HeadPooling;
import io.autocnn.space.spec.LearningRateCurve;
import io.autocnn.space.spec.LearningRateSchedule;
import io.autocnn.space.spec.Normalization;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.Pooling;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.data.ImageShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Batch normalisation, spatial dropout, global pooling heads and learning-rate schedules in the built network. */
class ModernVocabularyTest {

    private static final ImageShape MNIST = new ImageShape(1, 28, 28);
    private static final ConvBlock NORMALISED = new ConvBlock(8, 3, 1, PaddingMode.SAME, Activation.RELU,
            Pooling.max(2), Normalization.BATCH, 0.2);
    private static final TrainingSettings TEN_EPOCHS = new TrainingSettings(64, 10, 0.01, Optimizer.ADAM, 0, 3);

    private static List<Layer> layers(ComputationGraphConfiguration configuration) {
        return ConfiguredLayers.of(configuration);
    }

    @Test
    void aNormalisedBlockIsConvolutionThenBatchNormThenItsActivationThenPoolingThenSpatialDropout() {
        TrialSpec spec = new TrialSpec(List.of(NORMALISED), List.of(), TEN_EPOCHS);
        List<Layer> layers = layers(CnnBuilder.configuration(spec, MNIST, 10));
        assertThat(layers).extracting(layer -> layer.getClass().getSimpleName()).containsExactly(
                "InputConvolution", "BatchNormalization", "ActivationLayer", "SubsamplingLayer", "DropoutLayer",
                "OutputLayer");
        assertThat(((ConvolutionLayer) layers.get(0)).getActivationFn()).isInstanceOf(ActivationIdentity.class);
        assertThat(((ActivationLayer) layers.get(2)).getActivationFn()).isInstanceOf(ActivationReLU.class);
        assertThat(((BatchNormalization) layers.get(1)).getNOut()).isEqualTo(8);
        assertThat(((SpatialDropout) ((DropoutLayer) layers.get(4)).getIDropout()).getP())
                .isCloseTo(0.8, within(1e-12));
    }

    @Test
    void aGlobalAverageHeadFeedsOneValuePerChannel() {
        TrialSpec flat = new TrialSpec(List.of(NORMALISED), List.of(DenseLayerSpec.of(16)), TEN_EPOCHS);
        TrialSpec pooled = flat.withHeadPooling(HeadPooling.GLOBAL_AVERAGE);
        List<Layer> layers = layers(CnnBuilder.configuration(pooled, MNIST, 10));
        GlobalPoolingLayer head = (GlobalPoolingLayer) layers.get(5);
        assertThat(head.getPoolingType()).isEqualTo(PoolingType.AVG);
        // The dense layer sees 8 channel averages instead of 8 x 14 x 14 values.
        assertThat(((org.deeplearning4j.nn.conf.layers.DenseLayer) layers.get(6)).getNIn()).isEqualTo(8);
        assertThat(((org.deeplearning4j.nn.conf.layers.DenseLayer) layers(CnnBuilder.configuration(flat, MNIST, 10))
                .get(5)).getNIn()).isEqualTo(8 * 14 * 14);
        assertThat(((GlobalPoolingLayer) layers(CnnBuilder.configuration(flat.withHeadPooling(HeadPooling.GLOBAL_MAX),
                MNIST, 10)).get(5)).getPoolingType()).isEqualTo(PoolingType.MAX);
    }

    @Test
    void theUpdatersRateFollowsTheCurveStepByStepAndSurvivesTheConfigurationsJson() {
        TrainingSettings cosine = TEN_EPOCHS.withSchedule(LearningRateSchedule.COSINE, 1);
        TrialSpec spec = new TrialSpec(List.of(NORMALISED), List.of(), cosine);
        int batchesPerEpoch = 50;
        ComputationGraphConfiguration configuration = CnnBuilder.configuration(spec, MNIST, 10, batchesPerEpoch);
        ComputationGraphConfiguration reread = ComputationGraphConfiguration.fromJson(configuration.toJson());
        for (ComputationGraphConfiguration conf : List.of(configuration, reread)) {
            IUpdater updater = ((BaseLayer) ConfiguredLayers.of(conf).get(0)).getIUpdater();
            for (int iteration : new int[] {0, 25, 50, 275, 499}) {
                assertThat(updater.getLearningRate(iteration, 0)).as("iteration " + iteration).isCloseTo(
                        LearningRateCurve.rateAt(cosine, iteration / (double) batchesPerEpoch), within(1e-12));
            }
        }
        assertThat(((BaseLayer) ConfiguredLayers.of(configuration).get(0)).getIUpdater().getLearningRate(275, 0))
                .as("half-way after the warm-up").isCloseTo(0.005, within(1e-12));
    }

    @Test
    void aConstantRateStaysAPlainNumber() {
        TrialSpec spec = new TrialSpec(List.of(NORMALISED), List.of(), TEN_EPOCHS);
        IUpdater updater = ((BaseLayer) ConfiguredLayers.of(CnnBuilder.configuration(spec, MNIST, 10, 50)).get(0))
                .getIUpdater();
        assertThat(updater.hasLearningRate()).isTrue();
        assertThat(updater.getLearningRate(400, 8)).isEqualTo(0.01);
        assertThat(((org.nd4j.linalg.learning.config.Adam) updater).getLearningRateSchedule()).isNull();
    }
}
