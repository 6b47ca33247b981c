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
 * Each batch size gets untimed warm-up passes (oneDNN builds its kernels on the first, the JIT compiles DL4J's Java
 * side over the first hundreds) and then the median of timed ones, so one pass slowed by another process does not
 * decide the figure. Both phases run for at least a number of passes and at least a time, because a batch-1 pass of a
 * small network takes about a millisecond, mostly per-call overhead (bench/results/latency-repeatability.md).
 */
public final class InferenceLatencyMeter {

    public static final int MIN_WARM_UP = 5;
    public static final long MIN_WARM_UP_NANOS = 100_000_000;
    /** Timed passes at least, per batch size. */
    public static final int MIN_REPEATS = 9;
    public static final long MIN_TIMED_NANOS = 200_000_000;
    /** Bounds the passes of a network so quick that the time floor would ask for thousands. */
    static final int MAX_REPEATS = 500;

    private InferenceLatencyMeter() {
    }

    /** The latency of {@code spec} on {@code shape} images and {@code numClasses}, at batch 1 and at {@code batch}. */
    public static InferenceLatency measure(TrialSpec spec, ImageShape shape, int numClasses, int batch) {
        LayerHelpers.enableUnlessConfigured();
        ComputationGraph network = CnnBuilder.network(spec, shape, numClasses);
        try {
            Median single = median(network, shape, 1);
            Median batched = batch == 1 ? single : median(network, shape, batch);
            return new InferenceLatency(single.millis(), batch, batched.millis() / batch, NativeThreads.count(),
                    Math.min(single.passes(), batched.passes()));
        } finally {
            network.close();
        }
    }

    /** The median time of one pass, and how many timed passes it is the median of. */
    private record Median(double millis, int passes) {
    }

    private static Median median(ComputationGraph network, ImageShape shape, int batch) {
        try (INDArray images = Nd4j.rand(DataType.FLOAT, batch, shape.channels(), shape.height(), shape.width())) {
            long warmUpStart = System.nanoTime();
            for (int pass = 0; pass < MIN_WARM_UP || System.nanoTime() - warmUpStart < MIN_WARM_UP_NANOS; pass++) {
                pass(network, images);
            }
            double[] millis = new double[MAX_REPEATS];
            int passes = 0;
            long timed = 0;
            while (passes < MIN_REPEATS || (timed < MIN_TIMED_NANOS && passes < MAX_REPEATS)) {
                long nanos = pass(network, images);
                timed += nanos;
                millis[passes++] = nanos / 1e6;
            }
            double[] measured = Arrays.copyOf(millis, passes);
            Arrays.sort(measured);
            // A pass too quick for the clock still took time: the record refuses a zero.
            return new Median(Math.max(measured[passes / 2], 1e-6), passes);
        }
    }

    /** One forward pass; its nanoseconds. */
    private static long pass(ComputationGraph network, INDArray images) {
        long start = System.nanoTime();
        INDArray[] scores = network.output(false, images);
        long elapsed = System.nanoTime() - start;
        Arrays.stream(scores).forEach(INDArray::close);
        return elapsed;
    }
}
