package io.autocnn.bench;

import io.autocnn.coordinator.cluster.StandaloneCluster;
import io.autocnn.coordinator.cluster.StandaloneClusterOptions;
import io.autocnn.coordinator.dispatch.SparkDispatcher;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.search.SearchBudget;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.RandomSampler;
import io.autocnn.space.scheduler.FifoScheduler;
import io.autocnn.space.trial.TrialState;
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
 * Trials per hour on a real loopback Spark standalone cluster with one versus two one-core workers, on the same
 * small real trials (the same sampler seed gives the same trials). Executors are started and the data is read
 * before timing starts, so the figures are steady-state sweep throughput. Writes bench/results/cluster-scaling.md.
 *
 * <p>Arguments: trials per measurement (default 10), training images (default 3000), rounds (default 1).
 */
public final class ClusterScaling {

    private ClusterScaling() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        SearchSpace space = SpaceFile.read(Path.of("bench", "spaces", "lenet-quick.yaml"));
        DataRecipe data = new DataRecipe("fashion-mnist", "", new ImageShape(1, 28, 28), images, 0, 0.2, false, 0, 1);
        List<String> rows = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double one = trialsPerHour(1, trials, space, data);
            double two = trialsPerHour(2, trials, space, data);
            for (String row : List.of(
                    String.format(Locale.ROOT, "| %d | 1 | %.0f | 1.00x |", round, one),
                    String.format(Locale.ROOT, "| %d | 2 | %.0f | %.2fx |", round, two, two / one))) {
                System.out.println(row);
                rows.add(row);
            }
        }
        Path out = Path.of("bench", "results", "cluster-scaling.md");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>(List.of("# Sweep throughput: one versus two Spark workers", "",
                LocalDate.now() + ": `ClusterScaling " + trials + " " + images + " " + rounds + "` on this machine "
                        + "(2 cores in all). A real standalone master and 1 or 2 workers on 127.0.0.1, each worker one "
                        + "core and one executor, one trial per worker at a time with one native thread; "
                        + trials + " trials of `bench/spaces/lenet-quick.yaml` (half an epoch each) on " + images
                        + " real Fashion-MNIST images, random sampler seed 3, FIFO. Executor start and data loading "
                        + "happen in a warm-up trial before timing.", "",
                "| round | workers | trials per hour | vs one worker |", "|---|---|---|---|"));
        lines.addAll(rows);
        Files.write(out, lines);
    }

    private static double trialsPerHour(int workers, int trials, SearchSpace space, DataRecipe data)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("cluster-scaling");
        try (StandaloneCluster cluster = StandaloneCluster.start(StandaloneClusterOptions.loopback(dir, workers));
             SparkDispatcher spark = SparkDispatcher.start(SparkOptions.embedded().withMaster(cluster.masterUrl())
                     .withConcurrency(workers, 1).withExecutors("1g", 1).withSecret(cluster.secret()))) {
            while (spark.sparkContext().sc().statusTracker().getExecutorInfos().length < workers + 1) {
                Thread.sleep(100);
            }
            var dispatcher = spark.forData(data, new RunnerOptions(1_000, 1_000), TrialBody.TRAIN);
            // Warm-up: one trial per worker reads the data and loads the native libraries on every executor.
            run(dispatcher, new RandomSampler(space, 99), workers, dir);
            long start = System.nanoTime();
            SearchOutcome outcome = run(dispatcher, new RandomSampler(space, 3), trials, dir);
            double hours = (System.nanoTime() - start) / 3.6e12;
            long completed = outcome.ranking().stream().filter(t -> t.state() == TrialState.COMPLETED).count();
            if (completed != trials) {
                throw new IllegalStateException(completed + " of " + trials + " trials completed: "
                        + outcome.failure().orElse(outcome.stopReason().description()));
            }
            return trials / hours;
        }
    }

    private static SearchOutcome run(io.autocnn.coordinator.dispatch.Dispatcher dispatcher, RandomSampler sampler,
                                     int trials, Path dir) throws InterruptedException {
        return new SearchRun("bench", sampler, new FifoScheduler(0.5), dispatcher, new SearchBudget(trials,
                Duration.ofHours(1), trials), 0.5, dir, summary -> { }).run();
    }
}
