package io.autocnn.workers.train;

import io.autocnn.space.spec.InferenceLatency;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.model.LeNet5;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceLatencyMeterTest {

    @Test
    void measuresBothBatchSizesOnTheRealNetworkAndRecordsHowItMeasured() {
        TrialSpec lenet = LeNet5.spec();
        InferenceLatency latency = InferenceLatencyMeter.measure(lenet, new ImageShape(1, 28, 28), 10, 16);
        assertThat(latency.msPerImage()).isPositive();
        assertThat(latency.batchMsPerImage()).isPositive();
        assertThat(latency.batch()).isEqualTo(16);
        assertThat(latency.repeats()).isBetween(InferenceLatencyMeter.MIN_REPEATS,
                InferenceLatencyMeter.MAX_REPEATS);
        assertThat(latency.threads()).isEqualTo(NativeThreads.count()).isPositive();
        assertThat(latency.describe()).contains("at batch 16").contains("median of " + latency.repeats());
    }

    @Test
    void batchOneIsMeasuredOnce() {
        TrialSpec lenet = LeNet5.spec();
        InferenceLatency latency = InferenceLatencyMeter.measure(lenet, new ImageShape(1, 28, 28), 10, 1);
        assertThat(latency.batchMsPerImage()).isEqualTo(latency.msPerImage());
    }
}
