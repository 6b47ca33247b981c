package io.autocnn.workers.train;

import io.autocnn.space.spec.InferenceLatency;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.model.CnnBuilder;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Measures a specification's inference latency on this machine, as the trained model would run: the network DL4J
 * builds for it (random weights: time does not depend on their values), the trainer's layer helpers, NCHW images.
 * Each batch size gets {@link #WARM_UP} untimed passes (oneDNN builds its kernels on the first) and then the median
 * of {@link #REPEATS} timed ones, so one pass slowed by another process does not decide the figure.
 */
public final class InferenceLatencyMeter {

    static final int WARM_UP = 3;
    public static final int REPEATS = 9;

    private InferenceLatencyMeter() {
    }

    /** The latency of {@code spec} on {@code shape} images and {@code numClasses}, at batch 1 and at {@code batch}. */
    public static InferenceLatency measure(TrialSpec spec, ImageShape shape, int numClasses, int batch) {
        LayerHelpers.enableUnlessConfigured();
        ComputationGraph network = CnnBuilder.network(spec, shape, numClasses);
        try {
            double single = medianMillis(network, shape, 1);
            double batched = batch == 1 ? single : medianMillis(network, shape, batch) / batch;
            return new InferenceLatency(single, batch, batched, threads(), REPEATS);
        } finally {
            network.close();
        }
    }

    private static double medianMillis(ComputationGraph network, ImageShape shape, int batch) {
        double[] millis = new double[REPEATS];
        try (INDArray images = Nd4j.rand(DataType.FLOAT, batch, shape.channels(), shape.height(), shape.width())) {
            for (int pass = -WARM_UP; pass < REPEATS; pass++) {
                long start = System.nanoTime();
                INDArray[] scores = network.output(false, images);
                double elapsed = (System.nanoTime() - start) / 1e6;
                Arrays.stream(scores).forEach(INDArray::close);
                if (pass >= 0) {
                    millis[pass] = elapsed;
                }
            }
        }
        Arrays.sort(millis);
        // A pass too quick for the clock still took time: the record refuses a zero.
        return Math.max(millis[REPEATS / 2], 1e-6);
    }

    /** The native threads ND4J's operations run on (OpenMP's, set by OMP_NUM_THREADS before the JVM starts). */
    static int threads() {
        return Math.max(1, Nd4j.getEnvironment().maxThreads());
    }
}
