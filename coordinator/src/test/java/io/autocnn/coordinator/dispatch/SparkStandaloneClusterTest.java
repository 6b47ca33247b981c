package io.autocnn.coordinator.dispatch;

import io.autocnn.coordinator.cluster.StandaloneCluster;
import io.autocnn.coordinator.cluster.StandaloneClusterOptions;
import io.autocnn.coordinator.search.SearchBudget;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.sampler.RandomSampler;
import io.autocnn.space.scheduler.FifoScheduler;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.train.TrialListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spark standalone Master and two one-core Workers on 127.0.0.1, started from the project's classpath; real
 * trials on real data. The worker-killing test runs last because it leaves one worker.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkStandaloneClusterTest {

    private static StandaloneCluster cluster;
    private static SparkDispatcher spark;
    private static final SparkTaskLog tasks = new SparkTaskLog();

    @TempDir
    static Path clusterDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(StandaloneClusterOptions.loopback(clusterDir, 2));
        spark = SparkDispatcher.start(SparkOptions.embedded().withMaster(cluster.masterUrl()).withConcurrency(2, 1)
                .withExecutors("1g", 1).withMaxAttempts(3).withSecret(cluster.secret()));
        spark.sparkContext().sc().addSparkListener(tasks);
        // Both workers' executors, plus the driver.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (spark.sparkContext().sc().statusTracker().getExecutorInfos().length < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (spark != null) {
            spark.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void clearTaskLog() {
        tasks.clear();
    }

    private static Dispatcher trainingOn(DataRecipe data) {
        return spark.forData(data, TinyTrials.MEASURING, TrialBody.TRAIN);
    }

    /** {@code autocnn search --dry-run} against the cluster, as its own JVM (one SparkContext per JVM): its exit code. */
    private int dryRunSearch(String... secretOptions) throws Exception {
        Path space = dir.resolve("space.yaml");
        java.nio.file.Files.writeString(space, "convBlocks: {depth: 1, filters: 4}\ntraining: {epochs: 1}\n");
        List<String> arguments = new java.util.ArrayList<>(List.of("search", space.toString(), "--dry-run",
                "--trials", "2", "--limit", "100", "--master", cluster.masterUrl(), "--concurrency", "1",
                "--threads-per-trial", "1", "--executor-memory", "512m", "--start-timeout", "15s", "--out",
                dir.resolve("out-" + secretOptions.length).toString()));
        arguments.addAll(List.of(secretOptions));
        Process search = SparkChildJvm.start(List.of(), "io.autocnn.coordinator.cli.AutoCnn", arguments,
                dir.resolve("search-" + secretOptions.length + ".log"));
        assertThat(search.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return search.exitValue();
    }

    @Test
    @Order(0)
    void anApplicationWithoutTheClustersSecretIsRefusedByTheMaster() throws Exception {
        assertThat(dryRunSearch()).as("without the secret").isEqualTo(2);
        assertThat(java.nio.file.Files.readString(dir.resolve("search-0.log")))
                .contains("did not accept this application", "--spark-secret-file");
        // With it the master accepts the application; it then waits for cores, which this test's own application
        // (authenticated the same way, and running every other test here) holds on both workers.
        Path secret = dir.resolve("spark-secret");
        cluster.secret().writeTo(secret);
        assertThat(dryRunSearch("--spark-secret-file", secret.toString())).isEqualTo(2);
        assertThat(java.nio.file.Files.readString(dir.resolve("search-2.log"))).contains("no Spark executor started")
                .doesNotContain("did not accept this application");
    }

    @Test
    @Order(1)
    void aSmallSweepSpreadsOverBothWorkersWithLiveMetricsInOrder() throws InterruptedException {
        assertThat(spark.sparkContext().sc().statusTracker().getExecutorInfos()).hasSize(3);
        List<TrialSummary> changes = new CopyOnWriteArrayList<>();
        SearchOutcome outcome = new SearchRun("test-search", new RandomSampler(TinyTrials.space(), 8), new FifoScheduler(2),
                trainingOn(TinyTrials.fashionMnist()), new SearchBudget(4, Duration.ofMinutes(5), 0), 2, dir,
                changes::add).run();

        assertThat(outcome.ranking()).hasSize(4).allSatisfy(trial -> {
            assertThat(trial.state()).isEqualTo(TrialState.COMPLETED);
            assertThat(trial.epochs()).extracting(EpochMetrics::epoch).containsExactly(1.0, 2.0);
            assertThat(dir.resolve("trial-" + trial.index() + ".zip")).isNotEmptyFile();
        });
        // Each trial's first epoch reached the coordinator while the trial was still running.
        for (int index = 0; index < 4; index++) {
            int trial = index;
            assertThat(changes).anySatisfy(change -> {
                assertThat(change.index()).isEqualTo(trial);
                assertThat(change.state()).isEqualTo(TrialState.RUNNING);
                assertThat(change.epochs()).hasSize(1);
            });
        }
        assertThat(tasks.startedOnExecutors).hasSize(4).doesNotContain("driver");
        assertThat(tasks.startedOnExecutors.stream().distinct()).hasSize(2);
    }

    @Test
    @Order(2)
    void aTrialThatThrowsOnTheExecutorFailsWithItsCauseAndIsNotRetried() throws Exception {
        DataRecipe missing = new DataRecipe("mnist", "/nonexistent/mnist", new ImageShape(1, 28, 28), 0, 0, 0.1,
                false, 0, 1);
        TrialResult result = trainingOn(missing).submit(TinyTrials.task(10, 1, dir), TrialListener.NONE)
                .get(2, TimeUnit.MINUTES);

        assertThat(result.state()).isEqualTo(TrialState.FAILED);
        assertThat(result.failureCause()).contains(FailureCause.EXCEPTION);
        assertThat(result.message()).contains("/nonexistent/mnist").containsPattern("on executor [0-9]+");
        awaitTaskEnds(1);
        assertThat(tasks.startedAttempts).containsExactly(0);
    }

    @Test
    @Order(3)
    void cancelKillsTheRunningTaskOnItsWorker() throws Exception {
        CountDownLatch firstEpoch = new CountDownLatch(1);
        Dispatcher dispatcher = trainingOn(TinyTrials.fashionMnist());
        CompletableFuture<TrialResult> result = dispatcher.submit(TinyTrials.task(11, 1_000, dir),
                new TrialListener() {
                    @Override
                    public void onEpoch(EpochMetrics metrics) {
                        firstEpoch.countDown();
                    }
                });
        assertThat(firstEpoch.await(2, TimeUnit.MINUTES)).isTrue();

        dispatcher.cancel(TinyTrials.key(11));

        assertThat(result).failsWithin(Duration.ofMinutes(1));
        SparkJobs.awaitNoneActive(spark.sparkContext());
        awaitTaskEnds(1);
        assertThat(tasks.endReasons).singleElement().asString().contains("TaskKilled");
    }

    @Test
    @Order(4)
    void aKilledWorkersTrialFinishesOnTheOtherWorkerAsAttemptTwo() throws Exception {
        DeliveredEpochs delivered = new DeliveredEpochs();
        CompletableFuture<TrialResult> result = trainingOn(TinyTrials.fashionMnist()).submit(
                TinyTrials.task(12, 25, dir), delivered);
        assertThat(delivered.awaitSecond(Duration.ofMinutes(2))).isTrue();
        String executor = tasks.startedOnExecutors.get(0);

        Process killed = killWorkerRunning(executor);

        TrialResult finished = result.get(3, TimeUnit.MINUTES);
        assertThat(killed.isAlive()).isFalse();
        assertThat(finished.state()).as(finished.message()).isEqualTo(TrialState.COMPLETED);
        assertThat(finished.epochsTrained()).isEqualTo(25.0);
        awaitTaskEnds(2);
        assertThat(tasks.startedAttempts).containsExactly(0, 1);
        assertThat(tasks.startedOnExecutors.get(1)).isNotEqualTo(executor);
        // The coordinator saw each epoch exactly once, in order, although attempt 2 trained them all again.
        assertThat(delivered.epochs).hasSize(25).isSorted().doesNotHaveDuplicates();
        assertThat(delivered.epochs.get(24)).isEqualTo(25.0);
    }

    /** SIGKILLs the worker whose executor (a child process launched with {@code --executor-id}) has this id. */
    private static Process killWorkerRunning(String executorId) {
        for (Process worker : cluster.workers()) {
            if (worker.descendants().anyMatch(child -> isExecutor(child, executorId))) {
                worker.descendants().forEach(ProcessHandle::destroyForcibly);
                worker.destroyForcibly();
                try {
                    worker.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return worker;
            }
        }
        throw new AssertionError("no worker runs executor " + executorId);
    }

    /**
     * Reads the command line from /proc: {@code ProcessHandle.Info} gives up on an executor's, whose classpath
     * argument is too long for it.
     */
    private static boolean isExecutor(ProcessHandle process, String executorId) {
        try {
            List<String> arguments = Arrays.asList(new String(Files.readAllBytes(
                    Path.of("/proc", Long.toString(process.pid()), "cmdline")), StandardCharsets.UTF_8).split("\0"));
            int flag = arguments.indexOf("--executor-id");
            return flag >= 0 && flag + 1 < arguments.size() && arguments.get(flag + 1).equals(executorId);
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    @Order(5)
    void theMastersWebUiCannotKillTheApplication() throws Exception {
        String application = spark.sparkContext().sc().applicationId();
        URI kill = cluster.masterWebUi().orElseThrow().resolve("app/kill/?id=" + application
                + "&terminate=true");
        // The Master answers with a redirect either way; a kill it carried out would end the application.
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(kill).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        Thread.sleep(3_000);
        String state = HttpClient.newHttpClient().send(HttpRequest.newBuilder(cluster.masterWebUi().orElseThrow()
                .resolve("json/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(state).path("activeapps")
                .findValuesAsText("id")).as("the Master's running applications").contains(application);
        assertThat(spark.sparkContext().sc().isStopped()).isFalse();
        TrialResult result = trainingOn(TinyTrials.fashionMnist()).submit(TinyTrials.task(0, 1, dir),
                TrialListener.NONE).get(2, TimeUnit.MINUTES);
        assertThat(result.state()).isEqualTo(TrialState.COMPLETED);
    }

    /** Spark's listener bus delivers events asynchronously: waits until {@code count} task ends were seen. */
    private static void awaitTaskEnds(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tasks.endReasons.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
