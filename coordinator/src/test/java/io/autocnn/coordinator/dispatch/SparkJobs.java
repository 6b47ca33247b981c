package io.autocnn.coordinator.dispatch;

import org.apache.spark.api.java.JavaSparkContext;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Test checks on a Spark context's jobs. */
final class SparkJobs {

    private SparkJobs() {
    }

    /** Waits up to 30 s for every job to end (cancellation is asynchronous), then asserts none is active. */
    static void awaitNoneActive(JavaSparkContext spark) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (spark.statusTracker().getActiveJobIds().length > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(spark.statusTracker().getActiveJobIds()).isEmpty();
    }
}
