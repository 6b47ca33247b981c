package io.autocnn.bench;

import io.autocnn.space.objective.Objective;
import io.autocnn.space.spec.Activation;
import io.autocnn.space.spec.BlockKind;
import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.Normalization;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.Pooling;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.model.InputConvolution;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.Checkpoint;
import io.autocnn.workers.train.LayerHelpers;
import io.autocnn.workers.train.ModelInput;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains a network on real Fashion-MNIST images through the product's {@link TrialRunner} and prints one line:
 * {@code model images epochs examples_per_second validation_error}. Configuration (native backend, threads, JVM
 * flags) comes from how the JVM was started, so a driver script can compare configurations run by run.
 *
 * <p>Arguments: model ({@code lenet5}, {@code deeper} or {@code residual}), training images, epochs, batch size
 * (default 64), trials trained at the same time (default 1; each on its own thread, as a sweep runs them), layers
 * ({@code autocnn}, the default, or {@code dl4j}: DL4J's own convolution as the first layer and no cached forward
 * pass, which is what a DL4J user's configuration of the same network trains), replicas each trial trains on
 * (default 1; {@code RunnerOptions#replicas}, as a final training runs). With several concurrent trials the figure
 * is their total examples over the longest trial's training time.
 */
public final class TrainingThroughput {

    private TrainingThroughput() {
    }

    /** A deeper 5x5/3x3 candidate of the kind a search proposes. */
    static TrialSpec deeper() {
        return new TrialSpec(
                List.of(ConvBlock.of(32, 5, PaddingMode.SAME),
                        ConvBlock.of(32, 3, PaddingMode.SAME).withPooling(Pooling.max(2)),
                        ConvBlock.of(64, 3, PaddingMode.SAME).withPooling(Pooling.max(2))),
                List.of(DenseLayerSpec.of(128)),
                LeNet5.spec().training());
    }

    /**
     * The network the two-hour benchmark on the capped modern space chose and trained further (its trial 49, 9.8
     * million multiply-accumulates per image): two plain 5x5 blocks with spatial dropout, a residual one with batch
     * normalisation.
     */
    static TrialSpec residual() {
        return new TrialSpec(List.of(
                new ConvBlock(27, 5, 1, PaddingMode.SAME, Activation.RELU, Pooling.max(2), Normalization.NONE, 0.1,
                        BlockKind.PLAIN),
                new ConvBlock(29, 5, 1, PaddingMode.SAME, Activation.RELU, Pooling.max(2), Normalization.NONE, 0.1,
                        BlockKind.PLAIN),
                new ConvBlock(53, 5, 1, PaddingMode.SAME, Activation.RELU, Pooling.max(2), Normalization.BATCH, 0,
                        BlockKind.RESIDUAL)),
                List.of(), LeNet5.spec().training());
    }

    /** Copy {@code copy} of {@code spec} for trials trained side by side: its own seed, so the copies differ. */
    static TrialSpec seededCopy(TrialSpec spec, int copy) {
        return spec.withTraining(spec.training().withSeed(spec.training().seed() + copy));
    }

    /** A trial's own training time: the sum of its epochs' times, evaluation excluded. */
    static double trainingSeconds(TrialResult result) {
        return result.epochs().stream().mapToDouble(m -> m.epochSeconds()).sum();
    }

    /** The benchmark network named {@code name}: {@code lenet5}, {@code deeper} or {@code residual}. */
    static TrialSpec model(String name) {
        return switch (name) {
            case "lenet5" -> LeNet5.spec();
            case "deeper" -> deeper();
            case "residual" -> residual();
            default -> throw new IllegalArgumentException("model must be lenet5, deeper or residual, got " + name);
        };
    }

    /**
     * The product's network for {@code spec} with DL4J's own layers and cache mode, saved as an untrained checkpoint
     * that the runner resumes: the same weights, data path and measurement, DL4J's layer implementations.
     */
    private static Path dl4jNetwork(TrialSpec spec, TrainingData data) throws IOException {
        ComputationGraphConfiguration product = CnnBuilder.configuration(spec, data.shape(), data.numClasses(),
                (data.train().size() + spec.training().batchSize() - 1) / spec.training().batchSize());
        ComputationGraphConfiguration dl4j = ComputationGraphConfiguration.fromJson(product.toJson()
                .replace(InputConvolution.class.getName(), ConvolutionLayer.class.getName()));
        dl4j.setCacheMode(CacheMode.NONE);
        dl4j.getVertices().values().stream().filter(LayerVertex.class::isInstance)
                .forEach(vertex -> ((LayerVertex) vertex).getLayerConf().setCacheMode(CacheMode.NONE));
        ComputationGraph network = new ComputationGraph(dl4j);
        network.init();
        Path file = Files.createTempFile("dl4j-layers", ".zip");
        file.toFile().deleteOnExit();
        Checkpoint.write(network, 0, new ModelInput(data.shape(), data.classNames()), file);
        return file;
    }

    public static void main(String[] args) throws Exception {
        String model = args.length > 0 ? args[0] : "lenet5";
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 6_000;
        double epochs = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int concurrent = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        boolean dl4jLayers = args.length > 5 && args[5].equals("dl4j");
        int replicas = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        TrialRunner runner = new TrialRunner(RunnerOptions.defaults().withReplicas(replicas));
        TrialSpec base = model(model);
        TrialSpec spec = base.withTraining(base.training().withEpochs(epochs).withBatchSize(batch));
        TrainingData data = BenchData.fashionMnist(images + 2_000, 2_000.0 / (images + 2_000));

        // A short warm-up run so JIT compilation and native library loading are not measured.
        runner.run(spec.withTraining(spec.training().withEpochs(0.05)), data, TrialRun.epochs(0.05),
                TrialListener.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(concurrent);
        List<Future<TrialResult>> runs = new ArrayList<>();
        for (int t = 0; t < concurrent; t++) {
            TrialSpec seeded = seededCopy(spec, t);
            TrialRun run = dl4jLayers ? TrialRun.epochs(epochs).resumingFrom(dl4jNetwork(seeded, data))
                    : TrialRun.epochs(epochs);
            runs.add(pool.submit(() -> runner.run(seeded, data, run, TrialListener.NONE)));
        }
        double trainingSeconds = 0;
        double validationError = 0;
        for (Future<TrialResult> run : runs) {
            TrialResult result = run.get();
            if (result.epochs().isEmpty()) {
                throw new IllegalStateException("trial failed: " + result.message());
            }
            trainingSeconds = Math.max(trainingSeconds, trainingSeconds(result));
            validationError += Objective.of(result.epochs()).orElse(Double.NaN) / concurrent;
        }
        pool.shutdown();
        double examples = data.train().size() * epochs * concurrent;
        // Training time only, evaluation excluded. Concurrent trials start together and train side by side, so the
        // longest one's training time is the time all their examples took.
        double seconds = trainingSeconds;
        System.out.printf(Locale.ROOT, "RESULT %s %d %.2f %.1f %.4f onednn=%s batch=%d concurrent=%d layers=%s "
                        + "replicas=%d%n", model, data.train().size(), epochs, examples / seconds, validationError,
                LayerHelpers.oneDnnActive(), batch, concurrent, dl4jLayers ? "dl4j" : "autocnn", replicas);
    }
}
