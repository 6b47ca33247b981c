package io.autocnn.bench;

import io.autocnn.bench.RecordingDispatcher.Run;
import io.autocnn.coordinator.cluster.StandaloneCluster;
import io.autocnn.coordinator.cluster.StandaloneClusterOptions;
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
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.train.RunnerOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trials per hour on a real loopback Spark standalone cluster with one versus two one-core workers, on the same
 * small real trials (the same sampler seed gives the same trials), and where each worker's time went. Executors are
 * started and the data is shipped and read in a warm-up trial per worker before timing starts, so the figures are
 * steady-state sweep throughput. Writes bench/results/cluster-scaling.md.
 *
 * <p>Per worker, over the timed sweep (first submission to last answer): training (the trials' own epoch times),
 * the rest of its tasks' run (building the network, evaluation, saving the model, the data from the executor's
 * cache), in Spark (submitting, scheduling, deserializing, the result's way back to the search loop), and waiting
 * for work (the rest of the window); its warm-up task's run beyond training is the one-time data loading and
 * native set-up. The machine's CPU share and the mean training time per trial tell contention from orchestration.
 *
 * <p>Arguments: trials per measurement (default 10), training images (default 3000), rounds (default 1).
 */
public final class ClusterScaling {

    private ClusterScaling() {
    }

    /** One measurement: throughput, mean training time per trial, the machine's busy share, per-worker lines. */
    private record Measurement(double trialsPerHour, double trainingPerTrial, double machineBusy,
                               List<String> workers) {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        SearchSpace space = SpaceFile.read(Path.of("bench", "spaces", "lenet-quick.yaml"));
        DataRecipe data = new DataRecipe("fashion-mnist", "", new ImageShape(1, 28, 28), images, 0, 0.2, false, 0, 1);
        List<String> throughput = new ArrayList<>();
        List<String> workers = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Measurement one = measure(1, trials, space, data);
            Measurement two = measure(2, trials, space, data);
            for (Measurement m : List.of(one, two)) {
                String prefix = String.format(Locale.ROOT, "| %d | %d |", round, m == one ? 1 : 2);
                // Were nothing but training to slow down with two at once: two workers, each trial's training as
                // measured with two, everything else as with one.
                double ceiling = m == one ? 1 : 2 * one.trainingPerTrial() / m.trainingPerTrial();
                String row = String.format(Locale.ROOT, "%s %.0f | %.2fx | %.2f | %.2fx | %.0f%% |", prefix,
                        m.trialsPerHour(), m.trialsPerHour() / one.trialsPerHour(), m.trainingPerTrial(), ceiling,
                        100 * m.machineBusy());
                System.out.println(row);
                throughput.add(row);
                m.workers().forEach(worker -> workers.add(prefix + " " + worker));
            }
        }
        write(trials, images, rounds, throughput, workers);
    }

    private static Measurement measure(int workers, int trials, SearchSpace space, DataRecipe data)
            throws Exception {
        Path dir = Files.createTempDirectory("cluster-scaling");
        try (StandaloneCluster cluster = StandaloneCluster.start(StandaloneClusterOptions.loopback(dir, workers));
             SparkDispatcher spark = SparkDispatcher.start(SparkOptions.embedded().withMaster(cluster.masterUrl())
                     .withConcurrency(workers, 1).withExecutors("1g", 1).withSecret(cluster.secret()))) {
            while (spark.sparkContext().sc().statusTracker().getExecutorInfos().length < workers + 1) {
                Thread.sleep(100);
            }
            Dispatcher dispatcher = spark.forData(data, new RunnerOptions(1_000, 1_000), TrialBody.TRAIN);
            SparkRunLog sparkRuns = new SparkRunLog();
            spark.sparkContext().sc().addSparkListener(sparkRuns);
            // Warm-up: one trial per worker reads the data and loads the native libraries on every executor.
            RecordingDispatcher warmUp = new RecordingDispatcher(dispatcher);
            run(warmUp, new RandomSampler(space, 99), workers, dir.resolve("warm-up"));
            spark.sparkContext().sc().listenerBus().waitUntilEmpty();
            Map<String, Double> setUpByExecutor = setUpByExecutor(warmUp.runs(), sparkRuns.byTrial());
            sparkRuns.clear();

            RecordingDispatcher timed = new RecordingDispatcher(dispatcher);
            CpuTime before = CpuTime.now();
            long start = System.nanoTime();
            SearchOutcome outcome = run(timed, new RandomSampler(space, 3), trials, dir.resolve("timed"));
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuTime after = CpuTime.now();
            long completed = outcome.ranking().stream().filter(t -> t.state() == TrialState.COMPLETED).count();
            if (completed != trials) {
                throw new IllegalStateException(completed + " of " + trials + " trials completed: "
                        + outcome.failure().orElse(outcome.stopReason().description()));
            }
            spark.sparkContext().sc().listenerBus().waitUntilEmpty();
            List<Run> runs = timed.runs();
            double training = runs.stream().mapToDouble(ClusterScaling::trainingSeconds).sum();
            return new Measurement(trials / (seconds / 3600), training / runs.size(), after.machineBusySince(before),
                    perWorker(runs, sparkRuns.byTrial(), setUpByExecutor, seconds));
        }
    }

    /** The trial's own training time: the sum of its epochs' times, evaluation excluded. */
    private static double trainingSeconds(Run run) {
        return TrainingThroughput.trainingSeconds(run.result());
    }

    /** Each executor's warm-up task: its run beyond training, in seconds. */
    private static Map<String, Double> setUpByExecutor(List<Run> runs, Map<Integer, List<SparkRunLog.Entry>> tasks) {
        Map<String, Double> setUp = new TreeMap<>();
        for (Run run : runs) {
            SparkRunLog.Entry task = tasks.get(run.trialIndex()).get(0);
            setUp.merge(task.executorId(), task.executorRunMillis() / 1e3 - trainingSeconds(run), Double::sum);
        }
        return setUp;
    }

    /** One line per executor: trials, training, the rest of its tasks, in Spark, waiting, its warm-up's set-up. */
    private static List<String> perWorker(List<Run> runs, Map<Integer, List<SparkRunLog.Entry>> tasks,
                                          Map<String, Double> setUpByExecutor, double window) {
        Map<String, double[]> byExecutor = new TreeMap<>();
        for (Run run : runs) {
            // FIFO: one run per trial, so its trial's one task.
            SparkRunLog.Entry task = tasks.get(run.trialIndex()).get(0);
            double[] sums = byExecutor.computeIfAbsent(task.executorId(), id -> new double[5]);
            double training = trainingSeconds(run);
            double occupied = (task.finishMillis() - task.launchMillis()) / 1e3;
            sums[0]++;
            sums[1] += training;
            sums[2] += task.executorRunMillis() / 1e3 - training;
            sums[3] += occupied - task.executorRunMillis() / 1e3 + (task.launchMillis() - run.submittedMillis()
                    + run.answeredMillis() - task.finishMillis()) / 1e3;
            sums[4] += occupied;
        }
        List<String> lines = new ArrayList<>();
        byExecutor.forEach((executor, sums) -> lines.add(String.format(Locale.ROOT,
                "%s | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f |", executor, sums[0], sums[1], sums[2], sums[3],
                window - sums[4], setUpByExecutor.getOrDefault(executor, Double.NaN))));
        return lines;
    }

    private static SearchOutcome run(Dispatcher dispatcher, RandomSampler sampler, int trials, Path dir)
            throws InterruptedException {
        return new SearchRun("bench", sampler, new FifoScheduler(0.5), dispatcher, new SearchBudget(trials,
                Duration.ofHours(1), trials), 0.5, dir, summary -> { }).run();
    }

    private static void write(int trials, int images, int rounds, List<String> throughput, List<String> workers)
            throws Exception {
        Path out = Path.of("bench", "results", "cluster-scaling.md");
        List<String> lines = new ArrayList<>(List.of("# Sweep throughput: one versus two Spark workers", "",
                LocalDate.now() + ": `ClusterScaling " + trials + " " + images + " " + rounds + "` on this machine "
                        + "(2 cores in all). A real standalone master and 1 or 2 workers on 127.0.0.1, each worker one "
                        + "core and one executor, one trial per worker at a time with one native thread; "
                        + trials + " trials of `bench/spaces/lenet-quick.yaml` (half an epoch each) on " + images
                        + " real Fashion-MNIST images (shipped by the coordinator), random sampler seed 3, FIFO. "
                        + "Executor start and data loading happen in a warm-up trial per worker before timing.", "",
                "| round | workers | trials per hour | vs one worker | training per trial (s) "
                        + "| what training alone allows | machine's CPU busy |",
                "|---|---|---|---|---|---|---|"));
        lines.addAll(throughput);
        lines.addAll(List.of("",
                "What training alone allows: 2 × (training per trial with one worker) / (training per "
                        + "trial with two), the ratio two workers would reach were training the only thing to slow "
                        + "down when two trials train at once.", "",
                "Where each worker's time went in the timed sweep (seconds): training is the trials' own epoch "
                        + "times; the rest of the task is building the network, evaluating (per trial here: its "
                        + "training-error sample and the validation set, " + images / 5 + " images each, and, as every "
                        + "trial that trains all its epochs does, all 10,000 test images, against " + images * 2 / 5
                        + " training examples), saving the model and taking the data from the executor's cache; "
                        + "in Spark is submitting, scheduling, "
                        + "deserializing and the result's way back to the search loop; waiting is the rest of the "
                        + "window; set-up is its warm-up task's run beyond training (data loading, native "
                        + "libraries), before the window.", "",
                "| round | workers | executor | trials | training | rest of the task | in Spark | waiting for work "
                        + "| warm-up set-up |",
                "|---|---|---|---|---|---|---|---|---|"));
        lines.addAll(workers);
        ResultsFile.write(out, lines);
    }
}
