package io.autocnn.bench;

import io.autocnn.space.spec.Activation;
import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.FeatureMapShapes;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A cheap stand-in for the validation error of a CNN on 28x28 Fashion-MNIST, so samplers can be compared over
 * thousands of trials in seconds. It is not fitted to measurements; it encodes the usual shape of the problem: each
 * optimizer has its own best learning rate and diverges well above it, about three conv blocks of growing width
 * work best, the feature map should be pooled down but not to nothing, a moderate dense layer with some dropout
 * helps, tanh is a little worse. A candidate whose feature map shrinks below 1x1 fails (error 0.9, as a failed
 * trial). The trial's training seed adds a little noise (sd 0.003), as re-running a real trial would.
 */
final class SurrogateError {

    private static final Map<Optimizer, Double> BEST_LEARNING_RATE = Map.of(Optimizer.ADAM, 1e-3,
            Optimizer.RMSPROP, 1e-3, Optimizer.SGD, 5e-2, Optimizer.NESTEROVS, 1e-2, Optimizer.ADAGRAD, 2e-2);
    private static final double FAILED = 0.9;

    private SurrogateError() {
    }

    static double of(TrialSpec spec) {
        if (!FeatureMapShapes.violations(spec, 28, 28).isEmpty()) {
            return FAILED;
        }
        TrainingSettings training = spec.training();
        double lrRatio = Math.log10(training.learningRate() / BEST_LEARNING_RATE.get(training.optimizer()));
        if (lrRatio > 1.3) {
            return FAILED; // diverged
        }
        double error = 0.085 + 0.035 * lrRatio * lrRatio;
        error += convolutions(spec.convBlocks());
        error += dense(spec.denseLayers());
        error += 0.004 * square(log2(training.batchSize() / 64.0));
        if (training.weightDecay() > 0) {
            error += 0.004 * Math.min(4, square(Math.log10(training.weightDecay() / 1e-4)));
        }
        error += new SplittableRandom(training.seed()).nextGaussian() * 0.003;
        return Math.max(0.05, Math.min(FAILED, error));
    }

    private static double convolutions(List<ConvBlock> blocks) {
        double error = 0.015 * Math.abs(blocks.size() - 3);
        int size = 28;
        for (int i = 0; i < blocks.size(); i++) {
            ConvBlock block = blocks.get(i);
            double wanted = 16 * Math.pow(2, i);
            error += 0.012 * square(log2(block.filters() / wanted)) / (i + 1);
            error += block.kernelSize() == (i == 0 ? 5 : 3) ? 0 : 0.004;
            error += block.activation() == Activation.TANH ? 0.01 : block.activation() == Activation.RELU ? 0 : 0.002;
            size = (size + block.stride() - 1) / block.stride();
            if (block.pooling().isPresent()) {
                size = Math.max(1, size / Math.max(1, block.pooling().stride()));
            }
        }
        // Pooled down to about 4x7 is best: a large map overfits in the dense layer, a 1x1 map lost the shapes.
        return error + 0.006 * square(log2(size / 5.0));
    }

    private static double dense(List<DenseLayerSpec> layers) {
        if (layers.isEmpty()) {
            return 0.012;
        }
        double error = 0.006 * (layers.size() - 1);
        for (DenseLayerSpec layer : layers) {
            error += 0.004 * square(log2(layer.units() / 128.0));
            error += 0.05 * square(layer.dropout() - 0.3);
            error += layer.activation() == Activation.TANH ? 0.005 : 0;
        }
        return error;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double square(double x) {
        return x * x;
    }
}
