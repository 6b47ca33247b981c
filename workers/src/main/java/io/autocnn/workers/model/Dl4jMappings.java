package io.autocnn.workers.model;

import io.autocnn.space.spec.Activation;
import io.autocnn.space.spec.HeadPooling;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.PoolingType;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/** Translates the specification's vocabulary into DL4J's; the one place that knows both. */
final class Dl4jMappings {

    static final double NESTEROV_MOMENTUM = 0.9;

    private Dl4jMappings() {
    }

    static org.nd4j.linalg.activations.Activation activation(Activation activation) {
        return switch (activation) {
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case LEAKYRELU -> org.nd4j.linalg.activations.Activation.LEAKYRELU;
            case ELU -> org.nd4j.linalg.activations.Activation.ELU;
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
        };
    }

    static IUpdater updater(Optimizer optimizer, double learningRate) {
        return switch (optimizer) {
            case ADAM -> new Adam(learningRate);
            case SGD -> new Sgd(learningRate);
            case NESTEROVS -> new Nesterovs(learningRate, NESTEROV_MOMENTUM);
            case RMSPROP -> new RmsProp(learningRate);
            case ADAGRAD -> new AdaGrad(learningRate);
        };
    }

    /** The updater with its learning rate following {@code schedule} (the peak rate stays its nominal one). */
    static IUpdater updater(Optimizer optimizer, double learningRate, ISchedule schedule) {
        IUpdater updater = updater(optimizer, learningRate);
        updater.setLrAndSchedule(learningRate, schedule);
        return updater;
    }

    static org.deeplearning4j.nn.conf.layers.PoolingType globalPooling(HeadPooling head) {
        return switch (head) {
            case GLOBAL_AVERAGE -> org.deeplearning4j.nn.conf.layers.PoolingType.AVG;
            case GLOBAL_MAX -> org.deeplearning4j.nn.conf.layers.PoolingType.MAX;
            case FLATTEN -> throw new IllegalArgumentException("FLATTEN is not a DL4J pooling layer");
        };
    }

    static ConvolutionMode convolutionMode(PaddingMode padding) {
        return padding == PaddingMode.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    static SubsamplingLayer.PoolingType pooling(PoolingType type) {
        return switch (type) {
            case MAX -> SubsamplingLayer.PoolingType.MAX;
            case AVG -> SubsamplingLayer.PoolingType.AVG;
            case NONE -> throw new IllegalArgumentException("NONE is not a DL4J pooling layer");
        };
    }
}
