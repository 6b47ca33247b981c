package io.autocnn.workers.train;

import io.autocnn.workers.data.ImageShape;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Share of misclassified images, computed in inference mode over fixed-size chunks to bound memory. */
public final class ErrorRate {

    private ErrorRate() {
    }

    /** Error over the first {@code limit} images of {@code part} (all when it has fewer). */
    static double of(ComputationGraph network, TrainingData.Part part, ImageShape shape, int limit, int chunk) {
        int count = Math.min(limit, part.size());
        if (count == 0) {
            return Double.NaN;
        }
        long[] predicted = predicted(network, part, shape, count, chunk);
        long wrong = 0;
        for (int i = 0; i < count; i++) {
            if (predicted[i] != part.labels()[i]) {
                wrong++;
            }
        }
        return (double) wrong / count;
    }

    /** The class the network predicts for each of the first {@code count} images of {@code part}, chunk by chunk. */
    static long[] predicted(ComputationGraph network, TrainingData.Part part, ImageShape shape, int count, int chunk) {
        long[] predicted = new long[count];
        for (int from = 0; from < count; from += chunk) {
            int to = Math.min(count, from + chunk);
            INDArray output = network.outputSingle(false, part.featureRows(from, to, shape));
            System.arraycopy(output.argMax(1).toLongVector(), 0, predicted, from, to - from);
        }
        return predicted;
    }

    /**
     * Test error of a trained network (a trial's checkpoint, loaded again), measured exactly as the runner measures
     * it after each epoch; NaN when the data has no test images.
     */
    public static double onTestSet(ComputationGraph network, TrainingData data, RunnerOptions options) {
        return of(network, data.test(), data.shape(), Integer.MAX_VALUE, options.evaluationChunk());
    }
}
