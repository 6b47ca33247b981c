package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.dispatch.ClusterSecret;
import io.autocnn.coordinator.dispatch.SparkOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where and how trials run: the embedded Spark by default, a standalone cluster with {@code --master spark://…}. */
final class SparkCliOptions {

    @Option(names = "--master", defaultValue = SparkOptions.EMBEDDED, paramLabel = "URL",
            description = "local[*] (embedded, default) or spark://host:7077 of a standalone cluster.")
    String master;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Trials trained at the same time. Default: this machine's cores / --threads-per-trial.")
    Integer concurrency;

    // One native thread per trial and as many trials as cores is the fastest sweep measured on 2 cores:
    // 5.1-6.3x DL4J's default for LeNet-5 and 9.8x for a deeper CNN (bench/results/trainer-levers-*.md).
    @Option(names = "--threads-per-trial", paramLabel = "N",
            description = "Native threads (and Spark cores) per trial. Default: 1, or this machine's cores / "
                    + "--concurrency when only that is given.")
    Integer threadsPerTrial;

    @Option(names = "--executor-memory", defaultValue = "2g",
            description = "On a cluster: heap of each executor. Default: ${DEFAULT-VALUE}.")
    String executorMemory;

    @Option(names = "--executor-cores", defaultValue = "0",
            description = "On a cluster: cores per executor (0: all a worker offers). Default: ${DEFAULT-VALUE}.")
    int executorCores;

    @Option(names = "--max-attempts", defaultValue = "3",
            description = "Attempts of a trial whose executor or worker was lost. Default: ${DEFAULT-VALUE}.")
    int maxAttempts;

    @Option(names = "--driver-host", defaultValue = "127.0.0.1",
            description = "Address cluster workers reach this process at. Default: ${DEFAULT-VALUE}.")
    String driverHost;

    @Option(names = "--driver-port", defaultValue = "0", paramLabel = "PORT",
            description = "On a cluster: the first of the three ports this process listens on for the executors "
                    + "(Spark's RPC, its block manager, the live reports), to open in a firewall; 0 for free ports. "
                    + "Default: ${DEFAULT-VALUE}.")
    int driverPort;

    @Option(names = "--executor-port", defaultValue = "0", paramLabel = "PORT",
            description = "On a cluster: the port each executor's block manager listens on (the next free one above "
                    + "it when executors share a host); 0 for free ports. Default: ${DEFAULT-VALUE}.")
    int executorPort;

    @Option(names = "--spark-secret-file", paramLabel = "FILE",
            description = "The cluster's shared secret, as autocnn cluster wrote it (its --secret-file); needed for a "
                    + "cluster it started, which refuses applications without it.")
    Path secretFile;

    @Option(names = "--start-timeout", converter = DurationConverter.class, defaultValue = "60s",
            description = "How long to wait for Spark to accept this application and, on a cluster, for a first "
                    + "executor. Default: ${DEFAULT-VALUE}.")
    java.time.Duration startTimeout;

    /** Trials at the same time, the options' or the default. */
    int concurrency() {
        if (concurrency != null && concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, got " + concurrency);
        }
        if (threadsPerTrial != null && threadsPerTrial < 1) {
            throw new IllegalArgumentException("--threads-per-trial must be at least 1, got " + threadsPerTrial);
        }
        return concurrency != null ? concurrency : Math.max(1, cores() / threadsPerTrial());
    }

    /** Native threads per trial, the option's or the default. */
    int threadsPerTrial() {
        if (threadsPerTrial != null) {
            return threadsPerTrial;
        }
        return concurrency != null ? Math.max(1, cores() / concurrency) : 1;
    }

    SparkOptions options() {
        SparkOptions options = SparkOptions.embedded().withMaster(master)
                .withConcurrency(concurrency(), threadsPerTrial()).withExecutors(executorMemory, executorCores)
                .withMaxAttempts(maxAttempts).withDriverHost(driverHost).withStartTimeout(startTimeout)
                .withPorts(driverPort, executorPort);
        return secretFile == null ? options : options.withSecret(ClusterSecret.read(secretFile));
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
