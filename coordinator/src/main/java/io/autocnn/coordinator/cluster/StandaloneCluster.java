package io.autocnn.coordinator.cluster;

import io.autocnn.coordinator.dispatch.Addresses;
import io.autocnn.coordinator.dispatch.ClusterSecret;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Spark standalone cluster (one Master, N Workers) started as child JVMs from this project's own classpath:
 * there is no Spark distribution to install, because the Master and Worker are classes in spark-core. Workers find
 * the application's classes through {@code SPARK_DIST_CLASSPATH}, so executors run the same jars as the driver.
 * Used by {@code autocnn cluster}, the tests and the scaling benchmark.
 */
public final class StandaloneCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StandaloneClusterOptions options;
    private final Path sparkHome;
    private final String masterUrl;
    private final int masterWebPort;
    /** Absent when the workers joined a master running elsewhere. */
    private final Optional<Process> master;
    private final List<Process> workers = new ArrayList<>();

    private StandaloneCluster(StandaloneClusterOptions options, Path sparkHome, String masterUrl, int masterWebPort,
                              Optional<Process> master) {
        this.options = options;
        this.sparkHome = sparkHome;
        this.masterUrl = masterUrl;
        this.masterWebPort = masterWebPort;
        this.master = master;
    }

    /**
     * Starts the Master (unless joining one) and the workers, and returns once every worker has registered with the
     * Master.
     */
    public static StandaloneCluster start(StandaloneClusterOptions options) throws IOException, InterruptedException {
        Path home = prepareSparkHome(options.directory());
        StandaloneCluster cluster;
        if (options.joinMaster().isPresent()) {
            cluster = new StandaloneCluster(options, home, options.joinMaster().get(), 0, Optional.empty());
        } else {
            int masterPort = options.masterPort() > 0 ? options.masterPort() : freePort();
            int webPort = freePort();
            Process master = launch(options, home, options.directory().resolve("master.log"), List.of(
                    "org.apache.spark.deploy.master.Master", "--host", options.host(), "--port",
                    Integer.toString(masterPort), "--webui-port", Integer.toString(webPort)));
            cluster = new StandaloneCluster(options, home, "spark://" + options.host() + ":" + masterPort, webPort,
                    Optional.of(master));
        }
        try {
            for (int i = 0; i < options.workers(); i++) {
                cluster.addWorker();
            }
            if (options.joinMaster().isPresent()) {
                cluster.awaitWorkerLogs(options.startTimeout());
            } else {
                cluster.awaitAliveWorkers(options.workers(), options.startTimeout());
            }
            return cluster;
        } catch (IOException | RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        }
    }

    public String masterUrl() {
        return masterUrl;
    }

    /** The Master's web UI (read-only: it cannot kill applications); unknown when joining a remote Master. */
    public Optional<URI> masterWebUi() {
        return master.map(process -> URI.create("http://" + options.host() + ":" + masterWebPort + "/"));
    }

    /** The secret applications must hold to use the cluster. */
    public ClusterSecret secret() {
        return options.secret();
    }

    /** Starts one more worker (its log is {@code worker-N.log} in the cluster directory). */
    public synchronized Process addWorker() throws IOException {
        int number = workers.size() + 1;
        Path workDir = Files.createDirectories(options.directory().resolve("work-" + number));
        Process worker = launch(options, sparkHome, options.directory().resolve("worker-" + number + ".log"), List.of(
                "org.apache.spark.deploy.worker.Worker", masterUrl, "--host", options.host(),
                "--cores", Integer.toString(options.coresPerWorker()), "--memory", options.memoryPerWorker(),
                "--work-dir", workDir.toString(), "--webui-port", "0", "--port",
                Integer.toString(options.workerPort() == 0 ? 0 : options.workerPort() + number - 1)));
        workers.add(worker);
        return worker;
    }

    /** The worker processes, in start order (dead ones included). */
    public synchronized List<Process> workers() {
        return List.copyOf(workers);
    }

    /** Waits until the Master lists {@code count} workers as ALIVE. */
    public void awaitAliveWorkers(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (aliveWorkers() < count) {
            if (master.isPresent() && !master.get().isAlive()) {
                throw new IllegalStateException("the Spark master exited; see " + options.directory().resolve("master.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(count + " Spark worker(s) did not register with " + masterUrl
                        + " within " + timeout.toSeconds() + " s; see the logs in " + options.directory());
            }
            Thread.sleep(200);
        }
    }

    /** A remote Master's web UI port is unknown here: each worker's log says when the Master accepted it. */
    private void awaitWorkerLogs(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int number = 1; number <= workers().size(); number++) {
            Path log = options.directory().resolve("worker-" + number + ".log");
            while (!Files.exists(log) || !Files.readString(log).contains("Successfully registered with master")) {
                if (System.nanoTime() > deadline || !workers().get(number - 1).isAlive()) {
                    throw new IllegalStateException("worker " + number + " did not register with " + masterUrl
                            + " within " + timeout.toSeconds() + " s; see " + log);
                }
                Thread.sleep(200);
            }
        }
    }

    /** Workers the Master currently counts as alive (0 while it is not answering yet). */
    public int aliveWorkers() throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    masterWebUi().orElseThrow().resolve("json/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode state = JSON.readTree(response.body());
            return state.path("aliveworkers").asInt(0);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        for (Process worker : workers) {
            stop(worker);
        }
        master.ifPresent(StandaloneCluster::stop);
    }

    private static void stop(Process process) {
        // Executors are the workers' children; end them too, or they linger until they notice.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A SPARK_HOME for the Master and Workers: an empty {@code jars/} (the classes come from SPARK_DIST_CLASSPATH)
     * and {@code conf/} with the product's quiet logging configuration.
     */
    private static Path prepareSparkHome(Path directory) throws IOException {
        Path home = directory.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        Path conf = Files.createDirectories(home.resolve("conf"));
        try (InputStream logging = StandaloneCluster.class.getResourceAsStream("/log4j2.properties")) {
            if (logging != null) {
                Files.copy(logging, conf.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // The workers' own lifecycle lines (registered, executor launched, lost master) are worth keeping.
        Files.writeString(conf.resolve("log4j2.properties"), String.join("\n", "",
                "logger.worker.name = org.apache.spark.deploy.worker.Worker", "logger.worker.level = info", ""),
                StandardOpenOption.APPEND);
        return home;
    }

    private static Process launch(StandaloneClusterOptions options, Path sparkHome, Path log,
                                  List<String> mainAndArguments) throws IOException {
        String classpath = System.getProperty("java.class.path");
        // Authenticated, its web UIs unable to kill applications, and encrypted when it reaches beyond this machine.
        List<String> command = new ArrayList<>(options.launcher());
        command.addAll(List.of(javaExecutable(), "-Xmx512m",
                "-Dspark.authenticate=true", "-Dspark.ui.killEnabled=false",
                "-Dspark.network.crypto.enabled=" + !Addresses.isLoopback(options.host()), "-cp",
                sparkHome.resolve("conf") + "/:" + classpath));
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_DIST_CLASSPATH", classpath);
        // Every port of the process (the web UIs too, which would otherwise take all interfaces, or an inherited
        // address) on the cluster's address only.
        env.put("SPARK_LOCAL_IP", options.host());
        // Without it every executor launch fails with "Cannot find any build directories".
        env.put("SPARK_SCALA_VERSION", scalaBinaryVersion());
        // Spark's own variable for the secret: in the environment, not on a command line anyone can list.
        env.put("_SPARK_AUTH_SECRET", options.secret().value());
        return builder.start();
    }

    /** The Scala version Spark here is built for, as a cluster must match it: "2.13". */
    public static String scalaBinaryVersion() {
        return scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
