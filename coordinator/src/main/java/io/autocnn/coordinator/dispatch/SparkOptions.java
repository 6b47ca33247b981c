package io.autocnn.coordinator.dispatch;

import java.time.Duration;
import java.util.Optional;

/**
 * How the {@link SparkDispatcher} talks to Spark.
 *
 * @param master              {@code local[*]} (embedded, the default) or {@code spark://host:port} of a standalone
 *                            cluster
 * @param maxConcurrentTrials trials dispatched at the same time
 * @param threadsPerTrial     native threads one trial trains with; Spark reserves as many cores per task
 *                            ({@code spark.task.cpus}) and executors get {@code OMP_NUM_THREADS} set to it
 * @param executorMemory      heap of each executor on a cluster, in Spark's notation ({@code 2g})
 * @param executorCores       cores each executor takes on a cluster; 0 for all the worker offers
 * @param maxAttempts         attempts of one trial when executors or workers are lost (Spark's
 *                            {@code spark.task.maxFailures}); a trial's own failure is never retried
 * @param driverHost          the address executors reach this process at, for tasks and for live reports
 * @param startTimeout        how long to wait for the context and, on a cluster, for the first executor
 * @param secret              the cluster's shared secret ({@code spark.authenticate}); none for the embedded Spark
 * @param driverPort          the first of the three ports this process listens on for a cluster's executors (its
 *                            Spark RPC, its block manager, the report endpoint: {@link #reportPort()}), so a firewall
 *                            can open exactly them; 0 for free ports
 * @param executorPort        the port each executor's block manager listens on (the next free one above it when
 *                            several executors share a host); 0 for free ports
 */
public record SparkOptions(String master, int maxConcurrentTrials, int threadsPerTrial, String executorMemory,
                           int executorCores, int maxAttempts, String driverHost, Duration startTimeout,
                           Optional<ClusterSecret> secret, int driverPort, int executorPort) {

    public static final String EMBEDDED = "local[*]";

    public SparkOptions {
        if (!master.startsWith("local") && !master.startsWith("spark://")) {
            throw new IllegalArgumentException("--master must be local[*], local[N] or spark://host:port, got '"
                    + master + "'");
        }
        if (maxConcurrentTrials < 1 || threadsPerTrial < 1 || maxAttempts < 1 || executorCores < 0) {
            throw new IllegalArgumentException("concurrency, threads per trial and attempts must be at least 1 and "
                    + "executor cores not negative; got " + maxConcurrentTrials + ", " + threadsPerTrial + ", "
                    + maxAttempts + ", " + executorCores);
        }
        if (driverPort != 0 && (driverPort < 1024 || driverPort > 65533)) {
            throw new IllegalArgumentException("--driver-port must be 0 (free ports) or 1024 to 65533 (it and the "
                    + "next two are used), got " + driverPort);
        }
        if (executorPort != 0 && (executorPort < 1024 || executorPort > 65535)) {
            throw new IllegalArgumentException("--executor-port must be 0 (free ports) or 1024 to 65535, got "
                    + executorPort);
        }
        if (!executorMemory.matches("[0-9]+[kmgtKMGT]")) {
            throw new IllegalArgumentException("--executor-memory must look like 512m or 2g, got '"
                    + executorMemory + "'");
        }
    }

    /** The embedded default: one trial at a time on every core of this machine. */
    public static SparkOptions embedded() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new SparkOptions(EMBEDDED, 1, cores, "2g", 0, 3, "127.0.0.1", Duration.ofSeconds(60), Optional.empty(),
                0, 0);
    }

    /** The report endpoint's port: the third of {@link #driverPort()}'s, or 0 (a free one). */
    public int reportPort() {
        return driverPort == 0 ? 0 : driverPort + 2;
    }

    public SparkOptions withPorts(int newDriverPort, int newExecutorPort) {
        return new SparkOptions(master, maxConcurrentTrials, threadsPerTrial, executorMemory, executorCores,
                maxAttempts, driverHost, startTimeout, secret, newDriverPort, newExecutorPort);
    }

    public boolean isCluster() {
        return master.startsWith("spark://");
    }

    public SparkOptions withMaster(String newMaster) {
        return new SparkOptions(newMaster, maxConcurrentTrials, threadsPerTrial, executorMemory, executorCores,
                maxAttempts, driverHost, startTimeout, secret, driverPort, executorPort);
    }

    public SparkOptions withConcurrency(int trials, int threadsEach) {
        return new SparkOptions(master, trials, threadsEach, executorMemory, executorCores, maxAttempts, driverHost,
                startTimeout, secret, driverPort, executorPort);
    }

    public SparkOptions withExecutors(String memory, int cores) {
        return new SparkOptions(master, maxConcurrentTrials, threadsPerTrial, memory, cores, maxAttempts, driverHost,
                startTimeout, secret, driverPort, executorPort);
    }

    public SparkOptions withMaxAttempts(int attempts) {
        return new SparkOptions(master, maxConcurrentTrials, threadsPerTrial, executorMemory, executorCores, attempts,
                driverHost, startTimeout, secret, driverPort, executorPort);
    }

    public SparkOptions withSecret(ClusterSecret clusterSecret) {
        return new SparkOptions(master, maxConcurrentTrials, threadsPerTrial, executorMemory, executorCores,
                maxAttempts, driverHost, startTimeout, Optional.of(clusterSecret), driverPort, executorPort);
    }

    public SparkOptions withStartTimeout(Duration timeout) {
        return new SparkOptions(master, maxConcurrentTrials, threadsPerTrial, executorMemory, executorCores,
                maxAttempts, driverHost, timeout, secret, driverPort, executorPort);
    }

    public SparkOptions withDriverHost(String host) {
        return new SparkOptions(master, maxConcurrentTrials, threadsPerTrial, executorMemory, executorCores,
                maxAttempts, host, startTimeout, secret, driverPort, executorPort);
    }
}
