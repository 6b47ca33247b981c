package io.autocnn.space.spec;

import java.util.Locale;

/**
 * How long a network takes to classify images on the machine that measured it: the median of repeated forward passes
 * after a warm-up, at batch 1 (one request at a time) and at a larger batch (throughput), each divided by the batch.
 *
 * @param msPerImage      milliseconds per image at batch 1, the figure constraints and the objective use
 * @param batch           the larger batch size measured
 * @param batchMsPerImage milliseconds per image at {@code batch}
 * @param threads         the native (OpenMP) threads the measurement ran on
 * @param repeats         timed passes per batch size, after the warm-up
 */
public record InferenceLatency(double msPerImage, int batch, double batchMsPerImage, int threads, int repeats) {

    public InferenceLatency {
        if (!(msPerImage > 0) || !(batchMsPerImage > 0) || batch < 1 || threads < 1 || repeats < 1) {
            throw new IllegalArgumentException("a latency needs positive times, batch, threads and repeats");
        }
    }

    /** E.g. "0.412 ms per image at batch 1, 0.081 at batch 32 (1 thread, median of 9)". */
    public String describe() {
        return String.format(Locale.ROOT, "%.3f ms per image at batch 1, %.3f at batch %d (%d thread%s, median of %d)",
                msPerImage, batchMsPerImage, batch, threads, threads == 1 ? "" : "s", repeats);
    }
}
