package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.dispatch.SparkOptions;
import picocli.CommandLine.Option;

/** Where and how trials run: the embedded Spark by default, a standalone cluster with {@code --master spark://…}. */
final class SparkCliOptions {

    @Option(names = "--master", defaultValue = SparkOptions.EMBEDDED, paramLabel = "URL",
            description = "local[*] (embedded, default) or spark://host:7077 of a standalone cluster.")
    String master;

    @Option(names = "--concurrency", defaultValue = "1", description = "Trials trained at the same time. Default: 1.")
    int concurrency;

    @Option(names = "--threads-per-trial", paramLabel = "N",
            description = "Native threads (and Spark cores) per trial. Default: this machine's cores / concurrency.")
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

    SparkOptions options() {
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, got " + concurrency);
        }
        int threads = threadsPerTrial != null ? threadsPerTrial
                : Math.max(1, Runtime.getRuntime().availableProcessors() / concurrency);
        return SparkOptions.embedded().withMaster(master).withConcurrency(concurrency, threads)
                .withExecutors(executorMemory, executorCores).withMaxAttempts(maxAttempts).withDriverHost(driverHost);
    }
}
