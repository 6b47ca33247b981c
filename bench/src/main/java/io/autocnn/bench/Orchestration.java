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
import io.autocnn.space.scheduler.AshaScheduler;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How busy the orchestration keeps many executor slots under ASHA: a real loopback standalone cluster of 4 workers
 * offering 16 or 64 slots in all (more cores than the machine has: the tasks only hold their slot), trials that
 * hold their slot for {@link TrialBody#simulatedMillis} of their epochs (rungs at 1, 3 and 9 epochs) and train
 * nothing, through the whole path (sample, schedule, Spark job, result, promotion). Counted up to the
 * last new trial's submission (afterwards the trial budget is spent and ASHA has fewer runs than slots, which no
 * orchestration can fill):
 * <ul>
 *   <li>busy: the share of slot-time spent in the simulated work;</li>
 *   <li>idle slot-time per run: the rest of the slot-time, per run submitted;</li>
 *   <li>path overhead per run: submit to result, less the simulated work (median and 95th percentile).</li>
 * </ul>
 * Writes bench/results/orchestration.md. Arguments: trials per slot (default 20), rounds (default 1), slot counts
 * (default 16,64).
 */
public final class Orchestration {

    private static final SearchSpace SPACE = SpaceFile.parse("""
            convBlocks: {depth: {min: 1, max: 3}, filters: {min: 4, max: 64, log: true}, kernelSize: {choices: [3, 5]}}
            training: {batchSize: {choices: [32, 64]}, epochs: 9, learningRate: {min: 0.0001, max: 0.03, log: true}}
            """, "orchestration-space.yaml", true);
    private static final int WORKERS = 4;

    private Orchestration() {
    }

    public static void main(String[] args) throws Exception {
        int trialsPerSlot = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int[] slotCounts = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {16, 64};
        List<String> rows = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int slots : slotCounts) {
                String row = String.format(Locale.ROOT, "| %d | %s", round, measure(slots, trialsPerSlot * slots));
                System.out.println(row);
                rows.add(row);
            }
        }
        write(trialsPerSlot, rounds, rows);
    }

    private static String measure(int slots, int trials) throws Exception {
        Path dir = Files.createTempDirectory("orchestration");
        DataRecipe unused = new DataRecipe("fashion-mnist", "", new ImageShape(1, 28, 28), 100, 0, 0.2, false, 0, 1);
        StandaloneClusterOptions shape = StandaloneClusterOptions.loopback(dir, WORKERS)
                .withCoresPerWorker(slots / WORKERS);
        try (StandaloneCluster cluster = StandaloneCluster.start(shape);
             SparkDispatcher spark = SparkDispatcher.start(SparkOptions.embedded().withMaster(cluster.masterUrl())
                     .withConcurrency(slots, 1).withExecutors("1g", slots / WORKERS)
                     .withSecret(cluster.secret()))) {
            while (spark.sparkContext().sc().statusTracker().getExecutorInfos().length < WORKERS + 1) {
                Thread.sleep(100);
            }
            Dispatcher simulated = spark.forData(unused, RunnerOptions.defaults(), TrialBody.SIMULATED);
            // Warm-up: class loading and JIT compilation on the driver and every executor.
            search(simulated, slots, dir.resolve("warm-up"));
            RecordingDispatcher recording = new RecordingDispatcher(simulated);
            SparkRunLog sparkRuns = new SparkRunLog();
            spark.sparkContext().sc().addSparkListener(sparkRuns);
            CpuTime before = CpuTime.now();
            SearchOutcome outcome = search(recording, trials, dir.resolve("measured"));
            CpuTime after = CpuTime.now();
            long failed = outcome.ranking().stream().filter(t -> t.state() == TrialState.FAILED).count();
            if (outcome.ranking().size() != trials || failed > 0) {
                throw new IllegalStateException(outcome.ranking().size() + " of " + trials + " trials ran, " + failed
                        + " failed: " + outcome.failure().orElse(outcome.stopReason().description()));
            }
            spark.sparkContext().sc().listenerBus().waitUntilEmpty();
            List<Run> runs = recording.runs();
            return row(slots, trials, runs) + breakdown(runs, sparkRuns.byTrial())
                    + String.format(Locale.ROOT, " %.0f%% | %.1f | %.2f |", 100 * after.machineBusySince(before),
                    after.processMillisSince(before) / runs.size(), loopAloneMillisPerRun(slots, trials, dir));
        }
    }

    private static SearchOutcome search(Dispatcher dispatcher, int trials, Path dir) throws InterruptedException {
        return new SearchRun("orchestration", new RandomSampler(SPACE, 5), new AshaScheduler(1, 9, 3), dispatcher,
                new SearchBudget(trials, Duration.ofHours(1), 0), 9, dir, summary -> { }).run();
    }

    /** The same search with a dispatcher that answers at once: sampling, ASHA and bookkeeping per run. */
    private static double loopAloneMillisPerRun(int slots, int trials, Path dir) throws InterruptedException {
        RecordingDispatcher instant = new RecordingDispatcher(new InstantDispatcher(slots));
        search(instant, trials, dir.resolve("instant-warm-up"));
        instant = new RecordingDispatcher(new InstantDispatcher(slots));
        long start = System.nanoTime();
        search(instant, trials, dir.resolve("instant"));
        return (System.nanoTime() - start) / 1e6 / instant.runs().size();
    }

    private static String row(int slots, int trials, List<Run> runs) {
        long start = runs.stream().mapToLong(Run::submittedNanos).min().orElseThrow();
        // The window ends when the last new trial is submitted: from then on ASHA has fewer runs than slots (the
        // trial budget is spent and the rest wait at rungs), which no orchestration can fill.
        Map<Integer, Long> firstRunOfTrial = runs.stream().collect(Collectors.toMap(Run::trialIndex,
                Run::submittedNanos, Math::min));
        long lastSubmission = firstRunOfTrial.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        double window = lastSubmission - start;
        // The work is taken to end when the run is answered; only its part inside the window counts.
        double work = runs.stream().mapToDouble(run -> Math.max(0, Math.min(run.answeredNanos(), lastSubmission)
                - Math.max(start, run.answeredNanos() - workNanos(run)))).sum();
        long submittedInWindow = runs.stream().filter(run -> run.submittedNanos() < lastSubmission).count();
        double busy = work / (slots * window);
        double idlePerRunMs = (slots * window - work) / submittedInWindow / 1e6;
        List<Double> pathMs = runs.stream().map(run -> (run.answeredNanos() - run.submittedNanos() - workNanos(run))
                / 1e6).sorted().toList();
        return String.format(Locale.ROOT, "%d | %d | %d | %.1f | %.1f%% | %.1f | %.1f | %.1f |", slots, trials,
                runs.size(), window / 1e9, 100 * busy, idlePerRunMs, percentile(pathMs, 0.5), percentile(pathMs, 0.95));
    }

    /**
     * The mean path overhead split by where it went: the submit call (the search loop's thread held up; part of the
     * next), submitting the job until Spark's scheduler takes it, Spark scheduling its task, the executor
     * deserializing it (with fetching the job's task binary), the task's run beyond the work (the live report,
     * building the result), serializing the result, the task's and its result's way between the driver and the
     * executor, and the result reaching the search loop. The n-th run of a trial is lined up with the n-th job of its
     * job group.
     */
    private static String breakdown(List<Run> runs, Map<Integer, List<SparkRunLog.Entry>> theirs) {
        Map<Integer, List<Run>> ours = runs.stream().sorted(Comparator.comparingLong(Run::submittedNanos))
                .collect(Collectors.groupingBy(Run::trialIndex));
        double[] sums = new double[8];
        int matched = 0;
        for (Map.Entry<Integer, List<Run>> trial : ours.entrySet()) {
            List<SparkRunLog.Entry> jobs = theirs.getOrDefault(trial.getKey(), List.of());
            for (int i = 0; i < Math.min(jobs.size(), trial.getValue().size()); i++) {
                Run run = trial.getValue().get(i);
                SparkRunLog.Entry job = jobs.get(i);
                sums[0] += run.submitCallNanos() / 1e6;
                sums[1] += job.jobStartMillis() - run.submittedMillis();
                sums[2] += job.launchMillis() - job.jobStartMillis();
                sums[3] += job.deserializeMillis();
                sums[4] += job.executorRunMillis() - workNanos(run) / 1e6;
                sums[5] += job.resultSerializationMillis();
                sums[6] += job.finishMillis() - job.launchMillis() - job.executorRunMillis() - job.deserializeMillis()
                        - job.resultSerializationMillis();
                sums[7] += run.answeredMillis() - job.finishMillis();
                matched++;
            }
        }
        int n = Math.max(1, matched);
        StringBuilder cells = new StringBuilder();
        for (double sum : sums) {
            cells.append(String.format(Locale.ROOT, " %.1f |", sum / n));
        }
        return cells.toString();
    }

    /** The time a run holds its slot for, by the epochs it trains up to. */
    private static long workNanos(Run run) {
        return TrialBody.simulatedMillis(run.targetEpochs()) * 1_000_000;
    }

    private static double percentile(List<Double> sorted, double share) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(share * sorted.size())));
    }

    private static void write(int trialsPerSlot, int rounds, List<String> rows) throws IOException {
        Path out = Path.of("bench", "results", "orchestration.md");
        List<String> lines = new ArrayList<>(List.of("# Orchestration: how busy many slots stay under ASHA", "",
                LocalDate.now() + ": `Orchestration " + trialsPerSlot + " " + rounds + "` on this machine (2 cores). "
                        + "A real loopback standalone master and " + WORKERS + " workers offering 16 or 64 slots in "
                        + "all (more cores than the machine has: each task only holds its slot), " + trialsPerSlot
                        + " trials per slot under ASHA (rungs at 1, 3 and 9 epochs, eta 3, random sampler), each run "
                        + "holding its slot " + TrialBody.simulatedMillis(1) + " ms per epoch it trains up to "
                        + "(a promoted run holds it for all its epochs again) and training nothing, through the whole "
                        + "path: sample, schedule, one Spark job per run, result (which delivers a run's last epoch), "
                        + "promotion. Counted from "
                        + "the first submission to the last new trial's (then the trial budget is spent and ASHA has "
                        + "fewer runs than slots). Busy: the share "
                        + "of slot-time in the simulated work; idle slot-time per run: the rest, per run submitted; "
                        + "path overhead: submit to result less the work. Goal: at most 20 ms per trial and at least "
                        + "95% busy.", "",
                "| round | slots | trials | runs | window (s) | busy | idle slot-time per run (ms) "
                        + "| path overhead median (ms) | path overhead p95 (ms) | mean: the submit call (ms) "
                        + "| submitting the job (ms) "
                        + "| Spark scheduling the task (ms) | deserializing the task (ms) "
                        + "| the task's run beyond the work (ms) | serializing the result (ms) "
                        + "| between driver and executor (ms) | result to the search loop (ms) | machine's CPU busy "
                        + "| coordinator's CPU per run (ms) | search loop alone (ms per run) |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"));
        lines.addAll(rows);
        ResultsFile.write(out, lines);
    }
}
