package io.autocnn.coordinator.dispatch;

import io.autocnn.coordinator.cluster.StandaloneCluster;
import io.autocnn.coordinator.cluster.StandaloneClusterOptions;
import io.autocnn.coordinator.search.SearchBudget;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.space.sampler.RandomSampler;
import io.autocnn.space.scheduler.AshaScheduler;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.dispatch.EpochReport;
import io.autocnn.workers.dispatch.ProgressReporter;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.train.TrialListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep across hosts: network namespaces stand for machines, each with its own address (198.18.0.0/15) behind a
 * bridge: a Spark master on one, a worker on each of two others, the coordinator (this JVM) on the bridge. Traffic
 * between them is authenticated with the cluster's secret and encrypted (nothing is on loopback). The workers do not
 * see the datasets folder (an empty folder is mounted over it for them), so their tasks train on the data the
 * coordinator ships. An ASHA sweep runs end to end on both workers, its promoted trials continuing from the models
 * their first tasks sent back (broadcast to whichever host runs the promotion); the report endpoint refuses a peer
 * that is not an executor even with the token; then one worker's host crashes while it trains a trial, which
 * finishes on the other host as its next attempt, and a checkpoint the crashed host made is continued on the other
 * host from the coordinator's copy. Needs root for {@code ip netns}; everything it makes
 * is removed at the end.
 */
@Tag("slow")
class MultiHostClusterTest {

    /**
     * Fixed ports, as a firewalled deployment sets them: below Linux's ephemeral range, on addresses only this test
     * uses (the workers' in their own namespaces), so nothing else can hold them.
     */
    private static final int WORKER_PORT = 17078;
    private static final int DRIVER_PORT = 17100;
    private static final int EXECUTOR_PORT = 17200;

    /** A first run's epochs in the promotion check; long enough that two first runs overlap. */
    private static final double HALF_EPOCHS = 6;

    /** Where the named datasets are installed; hidden from the workers. */
    private static final String DATASETS = "/usr/share/datasets";

    @TempDir
    Path dir;

    /** A worker host's launcher: its namespace, with an empty folder over the datasets (its own mounts only). */
    private List<String> withoutDatasets(NetworkHosts.Host host) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("no-datasets"));
        List<String> launcher = new ArrayList<>(host.launcher());
        launcher.addAll(List.of("sh", "-c", "mount --bind \"$0\" " + DATASETS + " && exec \"$@\"",
                empty.toString()));
        return launcher;
    }

    /**
     * Each process is where the README's firewall list says: the driver's RPC, its block manager and the report
     * endpoint on the three ports from --driver-port, each executor's block manager on --executor-port.
     */
    private static void assertListensOnTheDocumentedPorts(SparkDispatcher spark) {
        assertThat(spark.sparkContext().getConf().get("spark.driver.port")).isEqualTo(String.valueOf(DRIVER_PORT));
        assertThat(spark.sparkContext().sc().env().blockManager().blockManagerId().port()).isEqualTo(DRIVER_PORT + 1);
        assertThat(spark.reportEndpoint().url()).contains(":" + (DRIVER_PORT + 2) + "/");
        // Block managers by host:port, the driver's among them.
        assertThat(CollectionConverters.asJava(spark.sparkContext().sc().getExecutorMemoryStatus()).keySet())
                .filteredOn(hostPort -> !hostPort.startsWith(spark.sparkContext().getConf().get("spark.driver.host")
                        + ":"))
                .isNotEmpty().allSatisfy(hostPort -> assertThat(hostPort).endsWith(":" + EXECUTOR_PORT));
    }

    /** This host (the coordinator's) and the master's host hold the token but are not executors: both refused. */
    private static void assertReportsRefusedFromNonExecutors(SparkDispatcher spark, NetworkHosts network)
            throws Exception {
        ReportEndpoint endpoint = spark.reportEndpoint();
        String body = new EpochReport(1, TinyTrials.key(1), 1, "1", 42, new EpochMetrics(1, 0.5, 0.2, 0.25,
                OptionalDouble.empty(), 1.0, 100, 1234)).toJson();
        HttpResponse<String> fromCoordinator = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(endpoint.url())).header(ProgressReporter.TOKEN_HEADER, endpoint.token())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fromCoordinator.statusCode()).isEqualTo(403);
        List<String> curl = new ArrayList<>(network.hosts().get(0).launcher());
        curl.addAll(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "20",
                "-H", ProgressReporter.TOKEN_HEADER + ": " + endpoint.token(), "--data-binary", body,
                endpoint.url()));
        Process fromMaster = new ProcessBuilder(curl).redirectErrorStream(true).start();
        assertThat(fromMaster.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(fromMaster.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .as("the answer to the master's host").isEqualTo("403");
    }

    @Test
    void aSweepRunsAcrossHostsAndATrialOfACrashedHostFinishesOnAnother() throws Exception {
        try (NetworkHosts network = NetworkHosts.create(List.of("m", "w1", "w2"))) {
            List<AutoCloseable> opened = new ArrayList<>();
            try {
                sweepAndCrash(network, opened);
            } finally {
                for (AutoCloseable resource : opened) {
                    resource.close(); // the application first, then the workers and the master
                }
            }
        }
    }

    private void sweepAndCrash(NetworkHosts network, List<AutoCloseable> opened) throws Exception {
        NetworkHosts.Host masterHost = network.hosts().get(0);
        StandaloneClusterOptions base = StandaloneClusterOptions.loopback(dir.resolve("master"), 0)
                .on(masterHost.address(), masterHost.launcher());
        StandaloneCluster master = StandaloneCluster.start(base);
        opened.add(master);
        for (NetworkHosts.Host host : network.hosts().subList(1, 3)) {
            List<String> launcher = withoutDatasets(host);
            List<String> listing = new ArrayList<>(launcher);
            listing.addAll(List.of("ls", "-A", DATASETS));
            Process list = new ProcessBuilder(listing).redirectErrorStream(true).start();
            assertThat(list.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .as("what a worker host sees of " + DATASETS).isEmpty();
            StandaloneClusterOptions worker = StandaloneClusterOptions.loopback(dir.resolve(host.namespace()), 1)
                    .on(host.address(), launcher).joining(master.masterUrl(), base.secret())
                    .withWorkerPort(WORKER_PORT);
            opened.add(StandaloneCluster.start(worker));
        }
        // Read from the master's web UI at its own address (it binds that address only).
        master.awaitAliveWorkers(2, Duration.ofSeconds(60));

        SparkDispatcher spark = SparkDispatcher.start(SparkOptions.embedded().withMaster(master.masterUrl())
                .withConcurrency(2, 1).withExecutors("1g", 1).withMaxAttempts(3).withSecret(base.secret())
                .withDriverHost(network.coordinatorAddress()).withStartTimeout(Duration.ofSeconds(90))
                .withPorts(DRIVER_PORT, EXECUTOR_PORT));
        opened.add(0, spark);
        SparkTaskLog tasks = new SparkTaskLog();
        spark.sparkContext().sc().addSparkListener(tasks);
        Dispatcher dispatcher = spark.forData(TinyTrials.fashionMnist(), TinyTrials.MEASURING, TrialBody.TRAIN);

        SearchOutcome outcome = new SearchRun("multi-host", new RandomSampler(TinyTrials.space(), 8),
                new AshaScheduler(1.0 / 3, 1.0, 3), dispatcher, new SearchBudget(6, Duration.ofMinutes(5), 0), 1.0,
                dir.resolve("sweep"), summary -> { }).run();
        assertThat(outcome.ranking()).hasSize(6).allSatisfy(trial ->
                assertThat(trial.state()).isIn(TrialState.COMPLETED, TrialState.PRUNED));
        // A promoted trial's second task continued from the model its first one sent back: it reported 1.0 only.
        assertThat(outcome.ranking()).filteredOn(trial -> trial.state() == TrialState.COMPLETED).isNotEmpty()
                .allSatisfy(trial -> assertThat(trial.epochs()).extracting(EpochMetrics::epoch)
                        .containsExactly(0.333333, 1.0));
        assertThat(tasks.startedOnHosts).as("both worker hosts trained, none on this one").containsOnly(
                network.hosts().get(1).address(), network.hosts().get(2).address())
                .contains(network.hosts().get(1).address(), network.hosts().get(2).address());

        // After the sweep: an executor's block manager registers with the driver before it runs a task, not before
        // the dispatcher starts.
        assertListensOnTheDocumentedPorts(spark);
        assertReportsRefusedFromNonExecutors(spark, network);

        // Two first runs at once take both executors (one core each), so each host makes one of their checkpoints:
        // whichever host crashes below, the checkpoint it made is continued afterwards on the other.
        Map<Integer, String> checkpointHosts = new HashMap<>();
        List<CompletableFuture<TrialResult>> firstRuns = List.of(
                dispatcher.submit(halfway(13, false), TrialListener.NONE),
                dispatcher.submit(halfway(14, false), TrialListener.NONE));
        for (CompletableFuture<TrialResult> firstRun : firstRuns) {
            assertThat(firstRun.get(2, TimeUnit.MINUTES).epochsTrained()).isEqualTo(HALF_EPOCHS);
        }
        for (int trial : List.of(13, 14)) {
            checkpointHosts.put(trial, tasks.hostsOf(TinyTrials.key(trial)).get(0));
        }
        assertThat(checkpointHosts.values()).as("the two first runs' hosts").doesNotHaveDuplicates();

        tasks.clear();
        DeliveredEpochs delivered = new DeliveredEpochs();
        CompletableFuture<TrialResult> result = dispatcher.submit(TinyTrials.task(12, 20, dir), delivered);
        assertThat(delivered.awaitSecond(Duration.ofMinutes(2))).isTrue();
        String crashed = tasks.hostsOf(TinyTrials.key(12)).get(0);
        network.crash(network.hosts().stream().filter(h -> h.address().equals(crashed)).findFirst()
                .orElseThrow());

        TrialResult finished = result.get(4, TimeUnit.MINUTES);
        assertThat(finished.state()).as(finished.message()).isEqualTo(TrialState.COMPLETED);
        assertThat(finished.epochsTrained()).isEqualTo(20.0);
        assertThat(tasks.startedAttempts).startsWith(0, 1);
        assertThat(tasks.startedOnHosts.get(1)).as("the next attempt ran on the other host").isNotEqualTo(crashed);
        assertThat(delivered.epochs).hasSize(20).isSorted().doesNotHaveDuplicates();

        // The crashed host's checkpoint continues on the surviving host: the promotion of a trial whose model only
        // the coordinator still holds.
        int madeOnCrashedHost = checkpointHosts.get(13).equals(crashed) ? 13 : 14;
        DeliveredEpochs continued = new DeliveredEpochs();
        TrialResult promotion = dispatcher.submit(halfway(madeOnCrashedHost, true), continued).get(2,
                TimeUnit.MINUTES);
        assertThat(promotion.state()).as(promotion.message()).isEqualTo(TrialState.COMPLETED);
        assertThat(tasks.hostsOf(TinyTrials.key(madeOnCrashedHost))).as("where the promotion ran")
                .containsExactly(tasks.hostsOf(TinyTrials.key(12)).get(1));
        assertThat(continued.epochs).as("only the epochs after its checkpoint's")
                .containsExactly(7.0, 8.0, 9.0, 10.0, 11.0, 12.0);
    }

    /** Trial {@code index}'s first run to half its epochs or ({@code resume}) its continuation from there to all. */
    private TrialTask halfway(int index, boolean resume) {
        return new TrialTask(TinyTrials.key(index), TinyTrials.spec(2 * HALF_EPOCHS),
                resume ? 2 * HALF_EPOCHS : HALF_EPOCHS, resume, dir.resolve("trial-" + index + ".zip"),
                Optional.of(Duration.ofMinutes(5)), 1.0, Optional.empty(), 1.0);
    }
}
