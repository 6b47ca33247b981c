package io.autocnn.bench;

import io.autocnn.coordinator.dispatch.Dispatcher;
import io.autocnn.coordinator.dispatch.SparkDispatcher;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.search.SearchBudget;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.RandomSampler;
import io.autocnn.space.scheduler.FifoScheduler;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.train.RunnerOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What dispatching costs per trial: the whole path (sample, submit, Spark task, live epoch report over HTTP, result
 * recorded by the search loop) with no-op trials on the embedded {@code local[2]} master, against the search loop
 * alone with a dispatcher that answers at once (the baseline, measured in the same run). Writes
 * bench/results/dispatch-overhead.md.
 *
 * <p>Arguments: trials per measurement (default 300), rounds (default 3).
 */
public final class DispatchOverhead {

    private static final SearchSpace SPACE = SpaceFile.parse("""
            convBlocks: {depth: {min: 1, max: 3}, filters: {min: 4, max: 64, log: true}, kernelSize: {choices: [3, 5]}}
            training: {batchSize: {choices: [32, 64]}, epochs: 1, learningRate: {min: 0.0001, max: 0.03, log: true}}
            """, "overhead-space.yaml", true);

    private DispatchOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path checkpoints = Files.createTempDirectory("dispatch-overhead");
        DataRecipe unused = new DataRecipe("fashion-mnist", "", new ImageShape(1, 28, 28), 100, 0, 0.2, false, 0, 1);
        List<String> rows = new ArrayList<>();
        List<Double> sparkMs = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        try (SparkDispatcher spark = SparkDispatcher.start(
                SparkOptions.embedded().withMaster("local[2]").withConcurrency(2, 1))) {
            Dispatcher sparkNoOp = spark.forData(unused, RunnerOptions.defaults(), TrialBody.NO_OP);
            // Warm-up: the first jobs pay class loading and JIT compilation.
            msPerTrial(sparkNoOp, 50, checkpoints);
            msPerTrial(new InstantDispatcher(2), 50, checkpoints);
            for (int round = 1; round <= rounds; round++) {
                double loop = msPerTrial(new InstantDispatcher(2), trials, checkpoints);
                double viaSpark = msPerTrial(sparkNoOp, trials, checkpoints);
                sparkMs.add(viaSpark);
                ratios.add(viaSpark / loop);
                String row = String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.0fx |", round, loop, viaSpark,
                        viaSpark - loop, viaSpark / loop);
                System.out.println(row);
                rows.add(row);
            }
        }
        write(trials, rounds, rows, median(sparkMs), median(ratios));
    }

    private static double msPerTrial(Dispatcher dispatcher, int trials, Path checkpoints) throws InterruptedException {
        long start = System.nanoTime();
        SearchOutcome outcome = new SearchRun("bench", new RandomSampler(SPACE, 1), new FifoScheduler(1), dispatcher,
                new SearchBudget(trials, Duration.ofMinutes(30), 0), 1, checkpoints, summary -> { }).run();
        double ms = (System.nanoTime() - start) / 1e6 / trials;
        if (outcome.ranking().size() != trials || outcome.failure().isPresent()) {
            throw new IllegalStateException("the no-op sweep did not complete: " + outcome.stopReason());
        }
        return ms;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void write(int trials, int rounds, List<String> rows, double sparkMs, double ratio)
            throws IOException {
        Path out = Path.of("bench", "results", "dispatch-overhead.md");
        List<String> lines = new ArrayList<>(List.of("# Dispatch overhead per trial", "",
                LocalDate.now() + ": `DispatchOverhead " + trials + " " + rounds + "` on this machine (2 cores). Each "
                        + "measurement runs " + trials + " no-op trials through the search loop (random sampler, FIFO, "
                        + "2 at a time): with Spark, every trial is one job of one task on the embedded `local[2]` "
                        + "master that posts one epoch report to the coordinator's endpoint and returns its result; "
                        + "the baseline is the same loop with a dispatcher that answers at once (sampling, "
                        + "scheduling and bookkeeping only). Goal: at most 20 ms per trial for the whole path.", "",
                "| round | search loop alone (ms/trial) | whole path via Spark (ms/trial) | Spark's share (ms/trial) "
                        + "| Spark / loop alone |",
                "|---|---|---|---|---|"));
        lines.addAll(rows);
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Median whole path via Spark: **%.2f ms per trial** (%.0fx the loop alone).",
                sparkMs, ratio));
        ResultsFile.write(out, lines);
    }
}
