package io.autocnn.coordinator.cluster;

import io.autocnn.coordinator.dispatch.ClusterSecret;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A standalone cluster's shape.
 *
 * @param directory      logs, worker directories and the generated SPARK_HOME
 * @param host           the address the Master and Workers bind (127.0.0.1 keeps them off the network)
 * @param masterPort     the Master's port; 0 for a free one
 * @param workers        workers to start
 * @param coresPerWorker cores each worker offers
 * @param memoryPerWorker memory each worker offers, in Spark's notation ({@code 2g})
 * @param joinMaster     {@code spark://host:port} of a master running elsewhere: start only workers that join it;
 *                       empty to start a master here
 * @param secret         the shared secret the Master, the Workers and every application authenticate with
 * @param launcher       words put before each process's java command, e.g. {@code ip netns exec HOST} to start it
 *                       in another network namespace; empty to start it directly
 * @param workerPort     the first worker's port (the master reaches it there), the next worker's one above, and so
 *                       on; 0 for free ports
 */
public record StandaloneClusterOptions(Path directory, String host, int masterPort, int workers, int coresPerWorker,
                                       String memoryPerWorker, Duration startTimeout, Optional<String> joinMaster,
                                       ClusterSecret secret, List<String> launcher, int workerPort) {

    public StandaloneClusterOptions {
        launcher = List.copyOf(launcher);
        if (workers < 0 || coresPerWorker < 1) {
            throw new IllegalArgumentException("workers must not be negative and cores per worker at least 1, got "
                    + workers + " and " + coresPerWorker);
        }
        if (workerPort != 0 && (workerPort < 1024 || workerPort + Math.max(0, workers - 1) > 65535)) {
            throw new IllegalArgumentException("--worker-port must be 0 (free ports) or a port from 1024 leaving room "
                    + "for " + workers + " worker(s), got " + workerPort);
        }
        if (!memoryPerWorker.matches("[0-9]+[mgMG]")) {
            throw new IllegalArgumentException("worker memory must look like 512m or 2g, got '" + memoryPerWorker + "'");
        }
        if (joinMaster.isPresent() && !joinMaster.get().matches("spark://[^:/]+:[0-9]+")) {
            throw new IllegalArgumentException("the master to join must look like spark://host:7077, got '"
                    + joinMaster.get() + "'");
        }
    }

    /** Loopback cluster of {@code workers} one-core workers with a new secret, as the tests and benchmarks use. */
    public static StandaloneClusterOptions loopback(Path directory, int workers) {
        return new StandaloneClusterOptions(directory, "127.0.0.1", 0, workers, 1, "2g", Duration.ofSeconds(60),
                Optional.empty(), ClusterSecret.generate(), List.of(), 0);
    }

    /** The same cluster with each worker offering {@code cores} cores (more than the machine has simulates slots). */
    public StandaloneClusterOptions withCoresPerWorker(int cores) {
        return new StandaloneClusterOptions(directory, host, masterPort, workers, cores, memoryPerWorker, startTimeout,
                joinMaster, secret, launcher, workerPort);
    }

    /** The same cluster with its workers at {@code port}, {@code port + 1}, … (0 for free ports). */
    public StandaloneClusterOptions withWorkerPort(int port) {
        return new StandaloneClusterOptions(directory, host, masterPort, workers, coresPerWorker, memoryPerWorker,
                startTimeout, joinMaster, secret, launcher, port);
    }

    /** The same cluster shape on {@code newHost}, each process started after the words {@code newLauncher}. */
    public StandaloneClusterOptions on(String newHost, List<String> newLauncher) {
        return new StandaloneClusterOptions(directory, newHost, masterPort, workers, coresPerWorker, memoryPerWorker,
                startTimeout, joinMaster, secret, newLauncher, workerPort);
    }

    /** Workers only, joining {@code master} with its {@code masterSecret}. */
    public StandaloneClusterOptions joining(String master, ClusterSecret masterSecret) {
        return new StandaloneClusterOptions(directory, host, masterPort, workers, coresPerWorker, memoryPerWorker,
                startTimeout, Optional.of(master), masterSecret, launcher, workerPort);
    }
}
