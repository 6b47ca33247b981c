package io.autocnn.workers.train;

import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.List;

/**
 * How a trained network labels the test images: {@code counts[actual][predicted]}, over every test image, predicted
 * in inference mode in chunks as the runner measures errors.
 *
 * @param classNames the classes, in label order
 * @param counts     images of class {@code actual} labelled {@code predicted}
 */
public record ConfusionMatrix(List<String> classNames, long[][] counts) {

    public ConfusionMatrix {
        classNames = List.copyOf(classNames);
    }

    /** The matrix of {@code network} on {@code data}'s test images (all zeros when it has none). */
    public static ConfusionMatrix onTestSet(ComputationGraph network, TrainingData data, RunnerOptions options) {
        TrainingData.Part test = data.test();
        long[][] counts = new long[data.numClasses()][data.numClasses()];
        long[] predicted = ErrorRate.predicted(network, test, data.shape(), test.size(), options.evaluationChunk());
        for (int i = 0; i < predicted.length; i++) {
            counts[test.labels()[i]][(int) predicted[i]]++;
        }
        return new ConfusionMatrix(data.classNames(), counts);
    }

    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    /** The share of images off the diagonal; NaN when there are none. */
    public double error() {
        long right = 0;
        for (int k = 0; k < counts.length; k++) {
            right += counts[k][k];
        }
        long total = total();
        return total == 0 ? Double.NaN : 1 - (double) right / total;
    }
}
