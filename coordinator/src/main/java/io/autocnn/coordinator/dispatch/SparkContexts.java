package io.autocnn.coordinator.dispatch;

import io.autocnn.coordinator.cluster.StandaloneCluster;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the Spark context trials run on, configured from {@link SparkOptions}, and fails with a clear message where
 * Spark would otherwise hang: a master that does not answer (or speaks another Scala version) and, on a cluster, no
 * worker able to start an executor.
 */
final class SparkContexts {

    private SparkContexts() {
    }

    static JavaSparkContext start(SparkOptions options) {
        SparkConf conf = configuration(options);
        CompletableFuture<JavaSparkContext> starting = CompletableFuture.supplyAsync(() -> new JavaSparkContext(conf));
        JavaSparkContext spark;
        try {
            spark = starting.get(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SparkUnavailableException("Spark master " + options.master() + " did not accept this application "
                    + "within " + options.startTimeout().toSeconds() + " s: is it running and reachable, built for "
                    + "Scala " + StandaloneCluster.scalaBinaryVersion() + ", and is this application given its secret "
                    + "(--spark-secret-file; a cluster autocnn cluster started refuses applications without it)?");
        } catch (ExecutionException e) {
            throw new SparkUnavailableException("cannot start Spark on " + options.master() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SparkUnavailableException("interrupted while starting Spark", e);
        }
        if (options.isCluster()) {
            awaitExecutor(spark, options);
        }
        return spark;
    }

    static SparkConf configuration(SparkOptions options) {
        String threads = Integer.toString(options.threadsPerTrial());
        SparkConf conf = new SparkConf()
                .setMaster(options.master())
                .setAppName("autocnn")
                .set("spark.driver.host", options.driverHost())
                .set("spark.driver.bindAddress", options.driverHost())
                .set("spark.ui.enabled", "false")
                .set("spark.scheduler.mode", "FAIR")
                .set("spark.task.cpus", threads)
                .set("spark.task.maxFailures", Integer.toString(options.maxAttempts()))
                .set("spark.executor.memory", options.executorMemory())
                .set("spark.executor.extraJavaOptions", jvmFlags())
                .set("spark.executorEnv.OMP_NUM_THREADS", threads);
        if (options.driverPort() > 0) {
            conf.set("spark.driver.port", Integer.toString(options.driverPort()))
                    .set("spark.driver.blockManager.port", Integer.toString(options.driverPort() + 1));
        }
        if (options.executorPort() > 0) {
            // The driver's own block manager has its port above, so this one is the executors'.
            conf.set("spark.blockManager.port", Integer.toString(options.executorPort()));
        }
        if (options.executorCores() > 0) {
            conf.set("spark.executor.cores", Integer.toString(options.executorCores()));
        }
        options.secret().ifPresent(secret -> {
            // In memory only: a secret on the command line or in a file Spark writes would be readable by others.
            conf.set("spark.authenticate", "true").set("spark.authenticate.secret", secret.value());
            if (!Addresses.isLoopback(options.driverHost())) {
                conf.set("spark.network.crypto.enabled", "true");
            }
        });
        return conf;
    }

    private static void awaitExecutor(JavaSparkContext spark, SparkOptions options) {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        // The driver itself is listed among the executors, so a cluster's first executor makes it two.
        while (spark.sc().statusTracker().getExecutorInfos().length < 2) {
            if (System.nanoTime() > deadline) {
                spark.stop();
                throw new SparkUnavailableException("no Spark executor started on " + options.master() + " within "
                        + options.startTimeout().toSeconds() + " s: check that workers are registered and that one "
                        + "offers " + options.threadsPerTrial() + " free core(s) and " + options.executorMemory()
                        + " of memory");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spark.stop();
                throw new SparkUnavailableException("interrupted while waiting for Spark executors", e);
            }
        }
    }

    /** The JDK 17 flags every Spark JVM needs, from the build (the same definition surefire and the launcher use). */
    static String jvmFlags() {
        try (InputStream in = SparkContexts.class.getResourceAsStream("spark-jvm.flags")) {
            if (in == null) {
                throw new SparkUnavailableException("spark-jvm.flags is missing from the coordinator jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
