package io.autocnn.bench;

import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.data.SeededPermutation;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.LayerHelpers;
import io.autocnn.workers.train.TrainingData;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trainer levers inside one JVM, LeNet-5 on real Fashion-MNIST: the trial runner's data path (rows gathered from one
 * in-memory array per batch) against DL4J's iterator path ({@code fit(DataSetIterator)}, which DL4J wraps in its
 * asynchronous prefetching iterator), workspaces on (DL4J's default) and off, and a per-iteration listener. Each
 * configuration trains one epoch; configurations alternate over rounds after a warm-up; ratios are against the
 * runner's path of the same run. Writes bench/results/pipeline-and-workspaces.md.
 *
 * <p>Arguments: training images (default 6000), rounds (default 3).
 */
public final class PipelineAndWorkspaces {

    private PipelineAndWorkspaces() {
    }

    /** One way of training an epoch. */
    private interface Configuration {
        void trainEpoch(ComputationGraph network, TrainingData data, int batch, int epoch);
    }

    public static void main(String[] args) throws IOException {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 6_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        LayerHelpers.enableUnlessConfigured();
        TrainingData data = BenchData.fashionMnist(images, 0.1);
        TrialSpec spec = LeNet5.spec();
        int batch = spec.training().batchSize();

        Map<String, Configuration> configurations = new LinkedHashMap<>();
        configurations.put("runner path: gathered rows, workspaces on", PipelineAndWorkspaces::gathered);
        configurations.put("runner path, workspaces off", PipelineAndWorkspaces::gathered);
        configurations.put("DL4J iterator path (async prefetch)", PipelineAndWorkspaces::iterated);
        configurations.put("runner path + a per-iteration listener (ScoreIterationListener)", PipelineAndWorkspaces::gathered);
        configurations.put("runner path, pooling without the oneDNN helper", PipelineAndWorkspaces::gathered);

        Map<String, List<Double>> rates = new LinkedHashMap<>();
        configurations.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
        for (int round = 0; round <= rounds; round++) {
            for (Map.Entry<String, Configuration> entry : configurations.entrySet()) {
                ComputationGraph network = network(spec, data, entry.getKey());
                long start = System.nanoTime();
                entry.getValue().trainEpoch(network, data, batch, round);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (round > 0) { // round 0 warms up every path
                    rates.get(entry.getKey()).add(data.train().size() / seconds);
                }
            }
        }
        List<String> lines = new ArrayList<>(List.of("# Data path, workspaces and listeners: LeNet-5", "",
                LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, oneDNN helpers "
                        + LayerHelpers.oneDnnActive() + ", " + data.train().size() + " real Fashion-MNIST images, "
                        + "batch " + batch + ", one epoch per measurement, " + rounds + " rounds after a warm-up "
                        + "round, configurations alternating. Median examples/s; ratio against the runner's path.",
                "", "| configuration | examples/s (median) | all rounds | ratio |", "|---|---|---|---|"));
        double base = median(rates.values().iterator().next());
        rates.forEach((name, values) -> lines.add(String.format(Locale.ROOT, "| %s | %.0f | %s | %.2fx |", name,
                median(values), values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(),
                median(values) / base)));
        lines.forEach(System.out::println);
        Path out = Path.of("bench", "results", "pipeline-and-workspaces.md");
        ResultsFile.write(out, lines);
    }

    private static ComputationGraph network(TrialSpec spec, TrainingData data, String configuration) {
        ComputationGraphConfiguration conf = CnnBuilder.configuration(spec, data.shape(), data.numClasses());
        if (configuration.contains("workspaces off")) {
            conf.setTrainingWorkspaceMode(WorkspaceMode.NONE);
            conf.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        }
        ComputationGraph network = new ComputationGraph(conf);
        network.init();
        if (configuration.contains("Listener")) {
            network.setListeners(new ScoreIterationListener(1_000_000));
        }
        if (configuration.contains("pooling without")) {
            dropPoolingHelpers(network);
        }
        return network;
    }

    /**
     * M2.1 has no switch for one helper kind, so this experiment clears the pooling layers' helper field; DL4J then
     * uses its built-in pooling while convolutions keep oneDNN. Benchmark only: reflection into DL4J internals.
     */
    private static void dropPoolingHelpers(ComputationGraph network) {
        try {
            java.lang.reflect.Field helper = org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer.class
                    .getDeclaredField("helper");
            helper.setAccessible(true);
            for (org.deeplearning4j.nn.api.Layer layer : network.getLayers()) {
                if (layer instanceof org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer) {
                    helper.set(layer, null);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DL4J's SubsamplingLayer has no 'helper' field in this version", e);
        }
    }

    /** As the trial runner trains: a seeded order, rows gathered from the in-memory array per batch. */
    private static void gathered(ComputationGraph network, TrainingData data, int batch, int epoch) {
        TrainingData.Part train = data.train();
        int[] order = SeededPermutation.of(train.size(), epoch);
        for (int from = 0; from < train.size(); from += batch) {
            int[] rows = Arrays.copyOfRange(order, from, Math.min(train.size(), from + batch));
            INDArray features = Nd4j.pullRows(train.features(), 1, rows).reshape('c', rows.length,
                    data.shape().channels(), data.shape().height(), data.shape().width());
            network.fit(new DataSet(features, Nd4j.pullRows(train.oneHotLabels(), 1, rows)));
        }
    }

    /** DL4J's usual way: a list of prepared minibatches behind a DataSetIterator, fitted in one call. */
    private static void iterated(ComputationGraph network, TrainingData data, int batch, int epoch) {
        TrainingData.Part train = data.train();
        INDArray features = train.features().reshape('c', train.size(), data.shape().channels(),
                data.shape().height(), data.shape().width());
        List<DataSet> examples = new DataSet(features, train.oneHotLabels()).asList();
        java.util.Collections.shuffle(examples, new java.util.Random(epoch));
        network.fit(new ListDataSetIterator<>(examples, batch));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
