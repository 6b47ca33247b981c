package io.autocnn.workers.model;

import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.FeatureMapShapes;
import io.autocnn.space.spec.HeadPooling;
import io.autocnn.space.spec.LearningRateSchedule;
import io.autocnn.space.spec.Normalization;
import io.autocnn.space.spec.InvalidSpecException;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecValidator;
import io.autocnn.workers.data.ImageShape;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link TrialSpec} into a DL4J network for images of a given shape and number of classes. Everything that
 * would make DL4J fail later (or train a degenerate net) is refused here, with every offending layer named.
 */
public final class CnnBuilder {

    private CnnBuilder() {
    }

    /**
     * The configuration for counting and estimating (parameters, memory): its learning-rate schedule, if any, takes
     * every step for an epoch. Training uses {@link #configuration(TrialSpec, ImageShape, int, int)}.
     */
    public static MultiLayerConfiguration configuration(TrialSpec spec, ImageShape input, int numClasses) {
        return configuration(spec, input, numClasses, 1);
    }

    /** The configuration to train, with a learning-rate schedule over epochs of {@code batchesPerEpoch} steps. */
    public static MultiLayerConfiguration configuration(TrialSpec spec, ImageShape input, int numClasses,
                                                        int batchesPerEpoch) {
        return configuration(spec, input, numClasses, CNN2DFormat.NCHW, batchesPerEpoch);
    }

    /**
     * The configuration with convolution and pooling activations in {@code format}; the trainer uses NCHW (DL4J's
     * default), the data-layout benchmark compares NHWC.
     */
    public static MultiLayerConfiguration configuration(TrialSpec spec, ImageShape input, int numClasses,
                                                        CNN2DFormat format, int batchesPerEpoch) {
        requireBuildable(spec, input, numClasses);
        TrainingSettings training = spec.training();
        // A constant rate stays a plain number, as before schedules existed, so earlier trials re-run identically.
        boolean scheduled = training.schedule() != LearningRateSchedule.CONSTANT || training.warmupEpochs() > 0;
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(training.seed())
                .dataType(DataType.FLOAT)
                // Keeps each convolution's output for its backward pass, which otherwise runs the forward pass again.
                .cacheMode(CacheMode.DEVICE)
                .updater(scheduled
                        ? Dl4jMappings.updater(training.optimizer(), training.learningRate(),
                                ScheduledLearningRate.of(training, batchesPerEpoch))
                        : Dl4jMappings.updater(training.optimizer(), training.learningRate()))
                .weightInit(WeightInit.RELU)
                .weightDecay(training.weightDecay())
                .list();
        int channels = input.channels();
        for (ConvBlock block : spec.convBlocks()) {
            boolean normalized = block.normalization() == Normalization.BATCH;
            org.nd4j.linalg.activations.Activation activation = Dl4jMappings.activation(block.activation());
            // The network's first layer needs no gradient for its input (the images): see InputConvolution.
            boolean first = layers.getLayerwise().isEmpty();
            // Batch normalisation goes between the convolution and its activation, as in the batch-norm paper.
            layers.layer((first ? new InputConvolution.Builder(block.kernelSize(), block.kernelSize())
                    : new ConvolutionLayer.Builder(block.kernelSize(), block.kernelSize()))
                    .nIn(channels)
                    .nOut(block.filters())
                    .stride(block.stride(), block.stride())
                    .convolutionMode(Dl4jMappings.convolutionMode(block.padding()))
                    .activation(normalized ? org.nd4j.linalg.activations.Activation.IDENTITY : activation)
                    .dataFormat(format)
                    .build());
            if (normalized) {
                layers.layer(new BatchNormalization.Builder().dataFormat(format).build());
                layers.layer(new ActivationLayer.Builder().activation(activation).build());
            }
            channels = block.filters();
            if (block.pooling().isPresent()) {
                layers.layer(new SubsamplingLayer.Builder(Dl4jMappings.pooling(block.pooling().type()))
                        .kernelSize(block.pooling().size(), block.pooling().size())
                        .stride(block.pooling().stride(), block.pooling().stride())
                        .dataFormat(format)
                        .build());
            }
            if (block.spatialDropout() > 0) {
                // DL4J's dropout value is the probability of keeping.
                layers.layer(new DropoutLayer.Builder(new SpatialDropout(1.0 - block.spatialDropout())).build());
            }
        }
        if (spec.headPooling() != HeadPooling.FLATTEN && !spec.convBlocks().isEmpty()) {
            layers.layer(new GlobalPoolingLayer.Builder(Dl4jMappings.globalPooling(spec.headPooling())).build());
        }
        // DL4J applies a layer's dropout to its input; the spec's dropout is on a dense layer's output, so it is
        // set on the layer that follows. DL4J's value is the probability of keeping.
        double pendingDropout = 0.0;
        for (DenseLayerSpec dense : spec.denseLayers()) {
            DenseLayer.Builder builder = new DenseLayer.Builder()
                    .nOut(dense.units())
                    .activation(Dl4jMappings.activation(dense.activation()));
            if (pendingDropout > 0) {
                builder.dropOut(1.0 - pendingDropout);
            }
            layers.layer(builder.build());
            pendingDropout = dense.dropout();
        }
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(numClasses)
                .weightInit(WeightInit.XAVIER)
                .activation(org.nd4j.linalg.activations.Activation.SOFTMAX);
        if (pendingDropout > 0) {
            output.dropOut(1.0 - pendingDropout);
        }
        layers.layer(output.build());
        layers.setInputType(InputType.convolutional(input.height(), input.width(), input.channels(), format));
        return layers.build();
    }

    /** A freshly initialised network for the specification. */
    public static MultiLayerNetwork network(TrialSpec spec, ImageShape input, int numClasses) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(spec, input, numClasses));
        network.init();
        return network;
    }

    /** Trainable parameters of a configuration, counted from its layers without allocating any weights. */
    public static long parameterCount(MultiLayerConfiguration configuration) {
        long count = 0;
        for (NeuralNetConfiguration layer : configuration.getConfs()) {
            count += layer.getLayer().initializer().numParams(layer);
        }
        return count;
    }

    /** Throws {@link InvalidSpecException} listing every reason the specification cannot be built. */
    public static void requireBuildable(TrialSpec spec, ImageShape input, int numClasses) {
        List<SpecViolation> found = new ArrayList<>(TrialSpecValidator.violations(spec));
        if (numClasses < 2) {
            found.add(new SpecViolation("$", "the dataset must have at least 2 classes, found " + numClasses));
        }
        if (found.isEmpty()) {
            found.addAll(FeatureMapShapes.violations(spec, input.height(), input.width()));
        }
        if (!found.isEmpty()) {
            throw new InvalidSpecException(found);
        }
    }
}
