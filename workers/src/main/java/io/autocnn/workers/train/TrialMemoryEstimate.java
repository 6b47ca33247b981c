package io.autocnn.workers.train;

import io.autocnn.workers.data.ImageShape;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryUseMode;
import org.deeplearning4j.nn.conf.memory.NetworkMemoryReport;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Locale;

/**
 * How much off-heap memory one trial needs, from DL4J's own memory report of the network configuration (parameters,
 * gradients, updater state, activations and working memory), computed without allocating anything.
 *
 * @param trainingBytes  training at the trial's batch size
 * @param inferenceBytes measuring errors, {@code evaluationChunk} images per inference call
 */
public record TrialMemoryEstimate(long trainingBytes, long inferenceBytes) {

    public static TrialMemoryEstimate of(ComputationGraphConfiguration configuration, ImageShape shape, int batchSize,
                                         int evaluationChunk) {
        NetworkMemoryReport report = configuration.getMemoryReport(
                InputType.convolutional(shape.height(), shape.width(), shape.channels()));
        return new TrialMemoryEstimate(
                report.getTotalMemoryBytes(batchSize, MemoryUseMode.TRAINING, CacheMode.NONE, DataType.FLOAT),
                report.getTotalMemoryBytes(evaluationChunk, MemoryUseMode.INFERENCE, CacheMode.NONE, DataType.FLOAT));
    }

    /**
     * What the runner requires free before it starts a trial, as a multiple of {@link #peakBytes()}: measured against
     * the process's resident growth, DL4J's report came to 0.67 to 4.6 times the real figure (0.67 for a deeper CNN),
     * because native libraries (oneDNN scratch buffers, OpenMP) allocate beyond what it counts
     * (bench/results/trial-memory-estimate.md).
     */
    public static final double SAFETY_MARGIN = 2.0;

    /** Training and measuring take turns, so the trial needs the larger of the two at a time. */
    public long peakBytes() {
        return Math.max(trainingBytes, inferenceBytes);
    }

    /** The free memory a trial must find before it starts: {@link #peakBytes()} with the safety margin. */
    public long requiredBytes() {
        return (long) Math.ceil(peakBytes() * SAFETY_MARGIN);
    }

    @Override
    public String toString() {
        return megabytes(peakBytes()) + " (training " + megabytes(trainingBytes) + ", measuring "
                + megabytes(inferenceBytes) + ")";
    }

    /** Bytes in binary megabytes, the unit JVM memory flags use. */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / (double) (1 << 20));
    }
}
