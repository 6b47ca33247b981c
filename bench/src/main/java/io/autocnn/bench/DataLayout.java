package io.autocnn.bench;

import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.LayerHelpers;
import io.autocnn.workers.train.TrainingData;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * NCHW (DL4J's default, what the trainer uses) against NHWC activations for convolution and pooling, on the
 * default (oneDNN) build: the same network, seed and minibatches, alternating layouts round by round, reporting
 * training examples per second and the validation error reached. Grayscale input has one channel, so the input
 * bytes are the same in both layouts; only the layers' internal layout differs. Writes bench/results/data-layout.md.
 *
 * <p>Arguments: training images (default 6000), epochs per measurement (default 1), rounds (default 2).
 */
public final class DataLayout {

    private static final int BATCH = 64;

    private DataLayout() {
    }

    public static void main(String[] args) throws IOException {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 6_000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        LayerHelpers.enableUnlessConfigured();
        TrainingData data = BenchData.fashionMnist(images + 2_000, 2_000.0 / (images + 2_000));
        List<String> rows = new ArrayList<>();
        for (String model : List.of("lenet5", "deeper")) {
            TrialSpec spec = model.equals("lenet5") ? LeNet5.spec() : TrainingThroughput.deeper();
            // Warm-up: JIT and native initialisation are paid before the first measured round.
            measure(spec, data, CNN2DFormat.NCHW, 0);
            for (int round = 1; round <= rounds; round++) {
                double[] nchw = measure(spec, data, CNN2DFormat.NCHW, epochs);
                double[] nhwc = measure(spec, data, CNN2DFormat.NHWC, epochs);
                String row = String.format(Locale.ROOT, "| %s | %d | %.0f | %.4f | %.0f | %.4f | %.2fx |", model,
                        round, nchw[0], nchw[1], nhwc[0], nhwc[1], nhwc[0] / nchw[0]);
                System.out.println(row);
                rows.add(row);
            }
        }
        Path out = Path.of("bench", "results", "data-layout.md");
        List<String> lines = new ArrayList<>(List.of("# Data layout: NCHW versus NHWC", "",
                LocalDate.now() + ": `DataLayout " + images + " " + epochs + " " + rounds + "` on this machine (2 cores), "
                        + "default native build (oneDNN + AVX2, layer helpers on), batch " + BATCH + ", Adam, "
                        + images + " real Fashion-MNIST training images, validation error on 2,000 held-out images. "
                        + "Each round trains a fresh network per layout from the same seed on the same minibatches.",
                "", "| model | round | NCHW examples/s | NCHW val. error | NHWC examples/s | NHWC val. error "
                        + "| NHWC / NCHW |", "|---|---|---|---|---|---|---|"));
        lines.addAll(rows);
        ResultsFile.write(out, lines);
    }

    /** Trains {@code epochs} epochs (none: one batch, for warm-up); returns examples/s and validation error. */
    private static double[] measure(TrialSpec spec, TrainingData data, CNN2DFormat format, int epochs) {
        ComputationGraph network = new ComputationGraph(CnnBuilder.configuration(spec, data.shape(),
                data.numClasses(), format, Math.max(1, data.train().size() / BATCH)));
        network.init();
        TrainingData.Part train = data.train();
        int batches = epochs == 0 ? 1 : epochs * (train.size() / BATCH);
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            int from = (b * BATCH) % (train.size() - BATCH);
            network.fit(new DataSet(images(train.features(), from, from + BATCH, data, format),
                    train.oneHotLabels().get(NDArrayIndex.interval(from, from + BATCH), NDArrayIndex.all())));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainingData.Part validation = data.validation();
        INDArray output = network.outputSingle(false, images(validation.features(), 0, validation.size(), data,
                format));
        int[] predicted = output.argMax(1).toIntVector();
        int wrong = 0;
        for (int i = 0; i < predicted.length; i++) {
            wrong += predicted[i] == validation.labels()[i] ? 0 : 1;
        }
        return new double[]{batches * BATCH / seconds, (double) wrong / predicted.length};
    }

    private static INDArray images(INDArray rows, int from, int to, TrainingData data, CNN2DFormat format) {
        // The same copy for both layouts, so only the network's work differs.
        INDArray part = rows.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c');
        long n = to - from;
        var shape = data.shape();
        // One channel: [n, 1, h, w] and [n, h, w, 1] hold the same bytes in the same order.
        return format == CNN2DFormat.NCHW
                ? part.reshape('c', n, shape.channels(), shape.height(), shape.width())
                : part.reshape('c', n, shape.height(), shape.width(), shape.channels());
    }
}
