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
        long wrong = 0;
        for (int from = 0; from < count; from += chunk) {
            int to = Math.min(count, from + chunk);
            INDArray output = network.outputSingle(false, part.featureRows(from, to, shape));
            long[] predicted = output.argMax(1).toLongVector();
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] != part.labels()[from + i]) {
                    wrong++;
                }
            }
        }
        return (double) wrong / count;
    }

    /**
     * Test error of a trained network (a trial's checkpoint, loaded again), measured exactly as the runner measures
     * it after each epoch; NaN when the data has no test images.
     */
    public static double onTestSet(ComputationGraph network, TrainingData data, RunnerOptions options) {
        return of(network, data.test(), data.shape(), Integer.MAX_VALUE, options.evaluationChunk());
    }
}
