package io.autocnn.coordinator.dispatch;

import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The executors whose live reports the endpoint accepts, as the listener bus and Spark's executor list give them. */
class ExecutorAddressesTest {

    @Test
    void anExecutorListedAtStartIsAcceptedUntilItIsRemoved() {
        ExecutorAddresses addresses = new ExecutorAddresses();
        addresses.listedAtStart("1", "127.0.0.2:41000");
        addresses.listedAtStart("2", "[::1]:41001");
        addresses.listedAtStart("driver", "127.0.0.3:40000");
        assertThat(addresses.contains("127.0.0.2")).isTrue();
        assertThat(addresses.contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(addresses.contains("127.0.0.3")).as("the driver runs no tasks").isFalse();

        addresses.onExecutorRemoved(new SparkListenerExecutorRemoved(0, "1", "worker lost"));
        assertThat(addresses.contains("127.0.0.2")).isFalse();
        assertThat(addresses.contains("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void anExecutorRemovedBeforeTheListAtStartIsReadStaysRemoved() {
        // The listener is registered before Spark's executor list is read: an executor lost in between is in the
        // list, and its removal has already been heard.
        ExecutorAddresses addresses = new ExecutorAddresses();
        addresses.onExecutorRemoved(new SparkListenerExecutorRemoved(0, "7", "worker lost"));
        addresses.listedAtStart("7", "127.0.0.2:41000");
        assertThat(addresses.contains("127.0.0.2")).isFalse();
    }
}
