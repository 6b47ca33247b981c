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
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
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
import org.deeplearning4j.nn.graph.ComputationGraph;
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

    /**
     * The kernel of a residual block's shortcut projection (a block's own kernels are 3x3 or 5x5, so a convolution of
     * this size is always a projection).
     */
    public static final int SHORTCUT_PROJECTION_KERNEL = 1;

    private CnnBuilder() {
    }

    /**
     * The configuration for counting and estimating (parameters, memory): its learning-rate schedule, if any, takes
     * every step for an epoch. Training uses {@link #configuration(TrialSpec, ImageShape, int, int)}.
     */
    public static ComputationGraphConfiguration configuration(TrialSpec spec, ImageShape input, int numClasses) {
        return configuration(spec, input, numClasses, 1);
    }

    /** The configuration to train, with a learning-rate schedule over epochs of {@code batchesPerEpoch} steps. */
    public static ComputationGraphConfiguration configuration(TrialSpec spec, ImageShape input, int numClasses,
                                                              int batchesPerEpoch) {
        return configuration(spec, input, numClasses, CNN2DFormat.NCHW, batchesPerEpoch);
    }

    /**
     * The configuration with convolution and pooling activations in {@code format}; the trainer uses NCHW (DL4J's
     * default), the data-layout benchmark compares NHWC. Every network is a DL4J graph, so residual blocks and plain
     * chains train, save and load the same way; a chain's graph trains as fast as DL4J's layer list (measured on
     * LeNet-5, one thread: 67.5-71.3 against 65.9-72.7 ms per step, alternating in one run).
     */
    public static ComputationGraphConfiguration configuration(TrialSpec spec, ImageShape input, int numClasses,
                                                              CNN2DFormat format, int batchesPerEpoch) {
        requireBuildable(spec, input, numClasses);
        TrainingSettings training = spec.training();
        // A constant rate stays a plain number, as before schedules existed, so earlier trials re-run identically.
        boolean scheduled = training.schedule() != LearningRateSchedule.CONSTANT || training.warmupEpochs() > 0;
        GraphChain chain = new GraphChain(new NeuralNetConfiguration.Builder()
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
                .graphBuilder());
        int channels = input.channels();
        for (ConvBlock block : spec.convBlocks()) {
            if (block.hasShortcut()) {
                residual(chain, block, channels, format);
            } else {
                convolution(chain, chain.last(), block, channels, block.kernelSize(), block.stride(), true, format);
            }
            channels = block.filters();
            if (block.pooling().isPresent()) {
                chain.layer(new SubsamplingLayer.Builder(Dl4jMappings.pooling(block.pooling().type()))
                        .kernelSize(block.pooling().size(), block.pooling().size())
                        .stride(block.pooling().stride(), block.pooling().stride())
                        .dataFormat(format)
                        .build());
            }
            if (block.spatialDropout() > 0) {
                // DL4J's dropout value is the probability of keeping.
                chain.layer(new DropoutLayer.Builder(new SpatialDropout(1.0 - block.spatialDropout())).build());
            }
        }
        if (spec.headPooling() != HeadPooling.FLATTEN && !spec.convBlocks().isEmpty()) {
            chain.layer(new GlobalPoolingLayer.Builder(Dl4jMappings.globalPooling(spec.headPooling())).build());
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
            chain.layer(builder.build());
            pendingDropout = dense.dropout();
        }
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(numClasses)
                .weightInit(WeightInit.XAVIER)
                .activation(org.nd4j.linalg.activations.Activation.SOFTMAX);
        if (pendingDropout > 0) {
            output.dropOut(1.0 - pendingDropout);
        }
        chain.layer(output.build());
        return chain.build(InputType.convolutional(input.height(), input.width(), input.channels(), format));
    }

    /**
     * One convolution of the block's filters, then batch normalisation when the block has it (between the
     * convolution and its activation, as in the batch-norm paper), then the activation unless {@code activated} is
     * false (a residual block activates after the sum), reading vertex {@code from}. A network's first layer that
     * alone reads the images needs no gradient for its input: see {@link InputConvolution}.
     */
    private static void convolution(GraphChain chain, String from, ConvBlock block, int channels, int kernel,
                                    int stride, boolean activated, CNN2DFormat format) {
        boolean normalized = block.normalization() == Normalization.BATCH;
        org.nd4j.linalg.activations.Activation activation = Dl4jMappings.activation(block.activation());
        org.nd4j.linalg.activations.Activation own = activated && !normalized
                ? activation : org.nd4j.linalg.activations.Activation.IDENTITY;
        // A residual first block's shortcut reads the images too, and DL4J sums the input gradients of all readers
        // of a vertex, so there the convolution must return one.
        boolean readsOnlyTheImages = chain.isEmpty() && !block.hasShortcut();
        chain.layer((readsOnlyTheImages ? new InputConvolution.Builder(kernel, kernel)
                : new ConvolutionLayer.Builder(kernel, kernel))
                .nIn(channels)
                .nOut(block.filters())
                .stride(stride, stride)
                .convolutionMode(Dl4jMappings.convolutionMode(block.padding()))
                .activation(own)
                .dataFormat(format)
                .build(), from);
        if (normalized) {
            chain.layer(new BatchNormalization.Builder().dataFormat(format).build());
            if (activated) {
                chain.layer(new ActivationLayer.Builder().activation(activation).build());
            }
        }
    }

    /**
     * Two convolutions (the first with the block's stride) added to the block's input, or to its 1x1 projection
     * when channels or size change, then the activation: He et al.'s basic residual block.
     */
    private static void residual(GraphChain chain, ConvBlock block, int channels, CNN2DFormat format) {
        String input = chain.last();
        convolution(chain, input, block, channels, block.kernelSize(), block.stride(), true, format);
        convolution(chain, chain.last(), block, block.filters(), block.kernelSize(), 1, false, format);
        String main = chain.last();
        String shortcut = input;
        if (block.needsProjection(channels)) {
            convolution(chain, input, block, channels, SHORTCUT_PROJECTION_KERNEL, block.stride(), false, format);
            shortcut = chain.last();
        }
        chain.vertex(new ElementWiseVertex(ElementWiseVertex.Op.Add), main, shortcut);
        chain.layer(new ActivationLayer.Builder().activation(Dl4jMappings.activation(block.activation())).build());
    }

    /** A freshly initialised network for the specification. */
    public static ComputationGraph network(TrialSpec spec, ImageShape input, int numClasses) {
        ComputationGraph network = new ComputationGraph(configuration(spec, input, numClasses));
        network.init();
        return network;
    }

    /** Trainable parameters of a configuration, counted from its layers without allocating any weights. */
    public static long parameterCount(ComputationGraphConfiguration configuration) {
        long count = 0;
        for (GraphVertex vertex : configuration.getVertices().values()) {
            if (vertex instanceof LayerVertex layer) {
                count += layer.getLayerConf().getLayer().initializer().numParams(layer.getLayerConf());
            }
        }
        return count;
    }

    /** Layers of a configuration (vertices that hold one; sums and inputs do not). */
    public static int layerCount(ComputationGraphConfiguration configuration) {
        return (int) configuration.getVertices().values().stream().filter(v -> v instanceof LayerVertex).count();
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
