package io.autocnn.bench;

import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.RandomSampler;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.spec.InferenceLatency;
import io.autocnn.space.spec.NetworkCost;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.InferenceLatencyMeter;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How repeatable the search's latency figure is ({@link InferenceLatencyMeter}, what a maxLatencyMs constraint and the
 * latency objective use): each network measured several times alone, then as often beside two LeNet-5 trials training
 * on Fashion-MNIST (what a search on 2 cores runs while it measures its next candidate). Prints and writes
 * bench/results/latency-repeatability.md.
 *
 * <p>Arguments: rounds per network and condition (default 5), sampled networks of examples/modern-space.yaml
 * (default 3).
 */
public final class LatencyRepeatability {

    private static final int BATCH = 32;

    private LatencyRepeatability() {
    }

    private record Network(String name, TrialSpec spec) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int sampled = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        TrainingData data = BenchData.fashionMnist(3_000, 0.2);
        List<Network> networks = new ArrayList<>(List.of(new Network("LeNet-5", LeNet5.spec()),
                new Network("deeper CNN of the throughput bench", TrainingThroughput.deeper())));
        Sampler modern = Samplers.create(RandomSampler.NAME, SpaceFile.read(Path.of("examples", "modern-space.yaml")),
                1);
        for (int i = 0; i < sampled; i++) {
            networks.add(new Network("modern-space draw " + i, modern.propose(i, List.of()).orElseThrow().spec()));
        }
        for (int i = 0; i < 3; i++) { // warm-up: the JIT compiles DL4J's Java side, oneDNN its kernels
            InferenceLatencyMeter.measure(LeNet5.spec(), data.shape(), data.numClasses(), BATCH);
        }

        List<List<InferenceLatency>> alone = new ArrayList<>();
        for (Network network : networks) {
            alone.add(measure(network, data, rounds, "alone"));
        }
        List<List<InferenceLatency>> beside = new ArrayList<>();
        List<Thread> trials = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread trial = new Thread(() -> trainUntilInterrupted(data), "background-trial-" + i);
            trial.setDaemon(true);
            trial.start();
            trials.add(trial);
        }
        Thread.sleep(3_000); // the trials past their start
        for (Network network : networks) {
            beside.add(measure(network, data, rounds, "beside two trials"));
        }
        trials.forEach(Thread::interrupt);

        List<String> lines = new ArrayList<>(List.of("# Latency measurement: repeatability", "",
                LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + alone.get(0).get(0)
                        .threads() + " native thread(s) (OMP_NUM_THREADS), `LatencyRepeatability " + rounds + " "
                        + sampled + "`. Each figure is what the search stores for a candidate: per image, the median "
                        + "of at least " + InferenceLatencyMeter.MIN_REPEATS + " timed forward passes and "
                        + InferenceLatencyMeter.MIN_TIMED_NANOS / 1_000_000 + " ms of them, after at least "
                        + InferenceLatencyMeter.MIN_WARM_UP + " warm-up passes and "
                        + InferenceLatencyMeter.MIN_WARM_UP_NANOS / 1_000_000 + " ms, per batch size. "
                        + "Each network measured " + rounds + " times alone, then " + rounds + " times while two "
                        + "LeNet-5 trials train on Fashion-MNIST in the same JVM (what a 2-core search runs while it "
                        + "measures its next candidate). Spread: (largest - smallest) / median of the " + rounds
                        + " figures.", "",
                "| network | MACs per image | condition | batch 1, ms/image (median of rounds) | smallest - largest "
                        + "| spread | batch " + BATCH + ", ms/image | smallest - largest | spread | beside / alone "
                        + "(batch 1) |",
                "|---|---:|---|---:|---|---:|---:|---|---:|---:|"));
        for (int n = 0; n < networks.size(); n++) {
            long macs = NetworkCost.of(networks.get(n).spec(), data.shape().channels(), data.shape().height(),
                    data.shape().width(), data.numClasses()).macs();
            double aloneMedian = median(alone.get(n), true);
            for (int c = 0; c < 2; c++) {
                List<InferenceLatency> figures = c == 0 ? alone.get(n) : beside.get(n);
                lines.add(String.format(Locale.ROOT, "| %s | %,d | %s | %.4f | %s | %.0f %% | %.4f | %s | %.0f %% | %s |",
                        networks.get(n).name(), macs, c == 0 ? "alone" : "beside two trials",
                        median(figures, true), range(figures, true), 100 * spread(figures, true),
                        median(figures, false), range(figures, false), 100 * spread(figures, false),
                        c == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", median(figures, true) / aloneMedian)));
            }
        }
        lines.add("");
        lines.add("Architectures: " + String.join("; ", networks.stream().map(n -> n.name() + ": "
                + n.spec().summary()).toList()) + ".");
        lines.forEach(System.out::println);
        Path out = Path.of("bench", "results", "latency-repeatability.md");
        ResultsFile.write(out, lines);
    }

    private static List<InferenceLatency> measure(Network network, TrainingData data, int rounds, String condition) {
        List<InferenceLatency> figures = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            figures.add(InferenceLatencyMeter.measure(network.spec(), data.shape(), data.numClasses(), BATCH));
        }
        System.err.println(network.name() + ", " + condition + ": " + figures.stream()
                .map(InferenceLatency::describe).toList());
        return figures;
    }

    private static void trainUntilInterrupted(TrainingData data) {
        TrialRunner runner = new TrialRunner(new RunnerOptions(500, 1_000));
        TrialSpec lenet = LeNet5.spec().withTraining(LeNet5.spec().training().withEpochs(1));
        while (!Thread.currentThread().isInterrupted()) {
            runner.run(lenet, data, TrialRun.epochs(1), TrialListener.NONE);
        }
    }

    private static double[] values(List<InferenceLatency> figures, boolean single) {
        return figures.stream().mapToDouble(l -> single ? l.msPerImage() : l.batchMsPerImage()).sorted().toArray();
    }

    private static double median(List<InferenceLatency> figures, boolean single) {
        double[] v = values(figures, single);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String range(List<InferenceLatency> figures, boolean single) {
        double[] v = values(figures, single);
        return String.format(Locale.ROOT, "%.4f - %.4f", v[0], v[v.length - 1]);
    }

    private static double spread(List<InferenceLatency> figures, boolean single) {
        double[] v = values(figures, single);
        return (v[v.length - 1] - v[0]) / median(figures, single);
    }
}
